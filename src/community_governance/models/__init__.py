"""pydantic v2 input models: communities, people, bodies, memberships, proposals.

This package imports nothing from the rest of the library.
"""

from ._base import Id, IdTuple, StrictModel, Subject
from .body import BodyComposition
from .community import (
    Body,
    BodyKind,
    Community,
    CommunityKind,
    Gender,
    Household,
    Membership,
    Person,
    Role,
)
from .proposal import Proposal, ProposalCategory, Proposer

#: Subject models by the subject type their rules are selected by.
SUBJECT_MODELS: dict[str, type[Subject]] = {
    Proposal.subject_type: Proposal,
    BodyComposition.subject_type: BodyComposition,
}

__all__ = [
    "SUBJECT_MODELS",
    "Body",
    "BodyComposition",
    "BodyKind",
    "Community",
    "CommunityKind",
    "Gender",
    "Household",
    "Id",
    "IdTuple",
    "Membership",
    "Person",
    "Proposal",
    "ProposalCategory",
    "Proposer",
    "Role",
    "StrictModel",
    "Subject",
]

"""pydantic v2 input models: communities, people, bodies, memberships, proposals.

This package imports nothing from the rest of the library.
"""

from ._base import (
    Date,
    Id,
    IdTuple,
    StrictModel,
    Subject,
    Text,
    located,
    normalise_id,
    normalise_text,
    problems_error,
)
from .body import BodyComposition
from .community import (
    Body,
    BodyKind,
    Community,
    CommunityKind,
    Gender,
    Household,
    Kinship,
    Membership,
    Person,
    Registration,
    Relation,
    Role,
)
from .constituency import Constituency, ConstituencyKind
from .disclosure import Disclosure, DisclosureCategory, Posting
from .dismissal import ContractNoticePeriod, DismissalNotice
from .election import (
    Candidate,
    Election,
    ElectionMethod,
    ElectionRound,
    Nominator,
    Objection,
    OtherRegistration,
    Proxy,
    Recall,
    SponsorKind,
)
from .evaluation import AnnualEvaluation, AnnualEvaluationRecord, Rating, RatingValue
from .meeting import (
    AttendanceBase,
    Matter,
    Meeting,
    MeetingBody,
    Motion,
    MotionResult,
    Request,
    RequestBase,
    Unit,
    owner_headcount,
)
from .proposal import Proposal, ProposalCategory, Proposer
from .work_item import WorkItem

#: Subject models by the subject type their rules are selected by.
SUBJECT_MODELS: dict[str, type[Subject]] = {
    Proposal.subject_type: Proposal,
    BodyComposition.subject_type: BodyComposition,
    WorkItem.subject_type: WorkItem,
    Election.subject_type: Election,
    Recall.subject_type: Recall,
    AnnualEvaluationRecord.subject_type: AnnualEvaluationRecord,
    Meeting.subject_type: Meeting,
    Disclosure.subject_type: Disclosure,
}

__all__ = [
    "SUBJECT_MODELS",
    "AnnualEvaluation",
    "AnnualEvaluationRecord",
    "AttendanceBase",
    "Body",
    "BodyComposition",
    "BodyKind",
    "Candidate",
    "Community",
    "CommunityKind",
    "Constituency",
    "ConstituencyKind",
    "ContractNoticePeriod",
    "Date",
    "Disclosure",
    "DisclosureCategory",
    "DismissalNotice",
    "Election",
    "ElectionMethod",
    "ElectionRound",
    "Gender",
    "Household",
    "Id",
    "IdTuple",
    "Kinship",
    "Matter",
    "Meeting",
    "MeetingBody",
    "Membership",
    "Motion",
    "MotionResult",
    "Nominator",
    "Objection",
    "OtherRegistration",
    "Person",
    "Posting",
    "Proposal",
    "ProposalCategory",
    "Proposer",
    "Proxy",
    "Rating",
    "RatingValue",
    "Recall",
    "Registration",
    "Relation",
    "Request",
    "RequestBase",
    "Role",
    "SponsorKind",
    "StrictModel",
    "Subject",
    "Text",
    "Unit",
    "WorkItem",
    "located",
    "normalise_id",
    "normalise_text",
    "owner_headcount",
    "problems_error",
]

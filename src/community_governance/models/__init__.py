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
from .assembly_record import AssemblyRecord, HeldMeeting
from .body import BodyComposition
from .cadre_evaluation import CadreEvaluation
from .collective import CollectiveOrganisation, CollectiveSeat, SeatRole
from .collective_assets import CollectiveAssetSpending
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
from .compound import Compound
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
from .facility import CommunityFacilities
from .funding import FundAllocation
from .grid import FocusPerson, GridRecord, HomeVisit, ReportedIssue, ServiceNotice
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
from .meeting_proxy import MeetingProxy
from .proposal import Proposal, ProposalCategory, Proposer
from .report import WorkReport
from .selection import BodySelection
from .service_station import ServiceStationStaffing, StationPay
from .social_organization import (
    CivilAffairsRegistration,
    Filing,
    OrganizationAssessment,
    SocialOrganization,
    StartUpGrant,
)
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
    SocialOrganization.subject_type: SocialOrganization,
    FundAllocation.subject_type: FundAllocation,
    CadreEvaluation.subject_type: CadreEvaluation,
    GridRecord.subject_type: GridRecord,
    ServiceStationStaffing.subject_type: ServiceStationStaffing,
    BodySelection.subject_type: BodySelection,
    WorkReport.subject_type: WorkReport,
    CommunityFacilities.subject_type: CommunityFacilities,
    Compound.subject_type: Compound,
    CollectiveAssetSpending.subject_type: CollectiveAssetSpending,
    AssemblyRecord.subject_type: AssemblyRecord,
    CollectiveOrganisation.subject_type: CollectiveOrganisation,
}

__all__ = [
    "SUBJECT_MODELS",
    "AnnualEvaluation",
    "AnnualEvaluationRecord",
    "AssemblyRecord",
    "AttendanceBase",
    "Body",
    "BodyComposition",
    "BodyKind",
    "BodySelection",
    "CadreEvaluation",
    "Candidate",
    "CivilAffairsRegistration",
    "CollectiveAssetSpending",
    "CollectiveOrganisation",
    "CollectiveSeat",
    "Community",
    "CommunityFacilities",
    "CommunityKind",
    "Compound",
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
    "Filing",
    "FocusPerson",
    "FundAllocation",
    "Gender",
    "GridRecord",
    "HeldMeeting",
    "HomeVisit",
    "Household",
    "Id",
    "IdTuple",
    "Kinship",
    "Matter",
    "Meeting",
    "MeetingBody",
    "MeetingProxy",
    "Membership",
    "Motion",
    "MotionResult",
    "Nominator",
    "Objection",
    "OrganizationAssessment",
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
    "ReportedIssue",
    "Request",
    "RequestBase",
    "Role",
    "SeatRole",
    "ServiceNotice",
    "ServiceStationStaffing",
    "SocialOrganization",
    "SponsorKind",
    "StartUpGrant",
    "StationPay",
    "StrictModel",
    "Subject",
    "Text",
    "Unit",
    "WorkItem",
    "WorkReport",
    "located",
    "normalise_id",
    "normalise_text",
    "owner_headcount",
    "problems_error",
]

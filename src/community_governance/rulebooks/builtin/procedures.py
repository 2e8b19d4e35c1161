"""Major-matter (重大事项) procedures of the built-in rulebooks, as data.

Each rulebook defines the procedure under the id ``major-matter`` in its ``procedures``
table (`NATIONAL_TABLE`, `JINJIANG_TABLE`, `NINGXIA_TABLE`); a local rulebook's entry
replaces its parent's, so Jinjiang runs the Jinjiang procedure, Ningxia the
Ningxia one and the national rulebook the statutory party-first procedure (from 2026-01-01).

A local procedure replaces the national steps, not the statute: from 2026-01-01 the Jinjiang
and Ningxia procedures carry the national guard ``major-matter.party-first`` (urban 2025
Art. 30(4) «应当先经社区党组织研究讨论»; village 2025 Art. 28(3)) and their record guard cites
that article (review E2, D14). Jinjiang's 党员大会审议 is taken by a party body and satisfies
it; Ningxia's 提出议案—民主议定 has no such step, so its procedure gains an optional
``review`` (党组织研究讨论) that the guard requires before 民主议定 from 2026.
"""

from __future__ import annotations

from ...checks.procedure_guards import (
    PARTY_BODIES,
    actor_rule,
    party_first_rule,
    record_rule,
    sequence_rule,
    supervision_rule,
)
from ...rules.citation import Citation
from ...rules.procedure import Posting, Procedure, Step
from ...rules.rule import Rule
from ...rules.table import Table
from .._rulebook import PROCEDURES, procedure_entry
from .cn.disclosure import POSTING_DAYS, URBAN_POSTING
from .sources import (
    JINJIANG_2011,
    NINGXIA_2017,
    SEED_JINJIANG,
    SEED_NINGXIA,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
    VILLAGE_2025,
)

URBAN_PARTY_FIRST = Citation(
    URBAN_2025,
    "第三十条第四款",
    "需由居民会议或者居民代表会议决定的重要事项，应当先经社区党组织研究讨论。",
)
VILLAGE_PARTY_FIRST = Citation(
    VILLAGE_2025,
    "第二十八条第三款",
    "需由村民会议或者村民代表会议决定的重要事项，应当先经村党组织研究讨论。",
    note="in force from 2026-01-01 (主席令第五十九号: 自2026年1月1日起施行, read in a secondary "
    "copy by the legal review, §4(b))",
)
URBAN_DISCLOSED_MATTERS = Citation(
    URBAN_2025,
    "第三十四条第二款第一项",
    "居民会议或者居民代表会议讨论决定的事项及其实施情况",
)
JINJIANG_SEQUENCE = Citation(
    SEED_JINJIANG,
    "§二 成效“二是”",
    "经社区两委联席会议商议、党员大会审议、居民代表会议票决的方式决定",
)
JINJIANG_SUPERVISION = Citation(
    SEED_JINJIANG, "§二 成效“二是”", "居民代表会议工作委员会组织全程监督"
)
JINJIANG_DISCLOSURE = Citation(SEED_JINJIANG, "§二 成效“二是”", "全面推进“党务、居务、院务”公开")
JINJIANG_SEPARATION = Citation(
    SEED_JINJIANG,
    "§二(二)",
    "与社区居民代表会议、社区居委会一起，形成社区事务决策、监督、执行“三分离”的自治格局",
    note="read as: the representatives' assembly decides, the residents' committee executes "
    "(publishes and implements), the working committee supervises",
)
NINGXIA_SEQUENCE = Citation(
    SEED_NINGXIA,
    "§二(五)",
    "居民代表会议按照“提出议案——民主议定——公布告知——组织实施”程序进行,并全程开展民主监督",
)
NINGXIA_SUPERVISION = Citation(
    SEED_NINGXIA,
    "§二(五)",
    "主要负责监督居务管理、决策、执行、落实和公开情况",
    note="the residents' affairs supervision committee is read as the body supervising throughout",
)

_COMMITTEES = ("residents_committee", "village_committee")
#: From 2026-01-01, every major-matter procedure keeps the statutory party-first study and
#: cites the statute for the assembly's record, whatever the local steps.
_PARTY_FIRST = party_first_rule(URBAN_PARTY_FIRST, VILLAGE_PARTY_FIRST, URBAN_2025_IN_FORCE)


def _local_record(citations: tuple[Citation, ...]) -> Rule:
    return record_rule(citations, (URBAN_PARTY_FIRST,), URBAN_2025_IN_FORCE)


_POSTING = Posting("publish", POSTING_DAYS.name, URBAN_POSTING)
# Jinjiang and Ningxia end alike: the residents' committee (the executing body) publishes the
# result (公布告知) and implements it (组织实施).
_PUBLISH_AND_IMPLEMENT = (
    Step("publish", "公布告知", "publication", ("adopted",), "published", ("residents_committee",)),
    Step(
        "implement",
        "组织实施",
        "implementation",
        ("published",),
        "implemented",
        ("residents_committee",),
    ),
)

NATIONAL = Procedure(
    id="major-matter",
    title_zh="需由居民（村民）会议或代表会议决定的重要事项",
    title_en="Major matter decided by the residents'/villagers' (representatives') assembly",
    initial="drafted",
    final="implemented",
    steps=(
        Step(
            "review",
            "党组织研究讨论",
            "study by the party organisation",
            ("drafted",),
            "reviewed",
            PARTY_BODIES,
        ),
        Step(
            "vote",
            "居民（村民）会议或代表会议决定",
            "decision of the assembly",
            ("reviewed",),
            "adopted",
            ("residents_assembly", "villagers_assembly", "representatives_assembly"),
            "meeting",
            "rejected",
        ),
        Step("publish", "公布", "publication", ("adopted",), "published", _COMMITTEES),
        Step("implement", "组织实施", "implementation", ("published",), "implemented", _COMMITTEES),
    ),
    guards=(
        sequence_rule(
            "major-matter.party-first",
            "重要事项应当先经党组织研究讨论，再由会议决定，公布后实施",
            "A major matter goes to the party organisation first, then to the assembly; it is "
            "published, then implemented",
            (URBAN_PARTY_FIRST, VILLAGE_PARTY_FIRST, URBAN_DISCLOSED_MATTERS),
        ),
        actor_rule((URBAN_PARTY_FIRST, VILLAGE_PARTY_FIRST)),
        record_rule((URBAN_PARTY_FIRST,)),
    ),
    posting=_POSTING,
    valid_from=URBAN_2025_IN_FORCE,
)

JINJIANG = Procedure(
    id="major-matter",
    title_zh="社区重大事项议案（锦江）",
    title_en="Major-matter proposal (Jinjiang)",
    initial="drafted",
    final="implemented",
    steps=(
        Step(
            "sponsor",
            "提出议案",
            "sponsorship of the proposal",
            ("drafted",),
            "sponsored",
            (),
            "proposal",
        ),
        Step(
            "deliberate",
            "两委联席会议商议",
            "deliberation by the joint meeting",
            ("sponsored",),
            "deliberated",
            ("joint_meeting",),
        ),
        Step(
            "review",
            "党员大会审议",
            "review by the party members' assembly",
            ("deliberated",),
            "reviewed",
            ("party_members_assembly",),
        ),
        Step(
            "vote",
            "居民代表会议票决",
            "vote of the representatives' assembly",
            ("reviewed",),
            "adopted",
            ("representatives_assembly",),
            "meeting",
            "rejected",
        ),
        *_PUBLISH_AND_IMPLEMENT,
    ),
    guards=(
        sequence_rule(
            "proposal.sequence",
            "重大事项经两委联席会议商议、党员大会审议、居民代表会议票决，公布后组织实施",
            "A major matter is deliberated by the joint meeting, reviewed by the party members' "
            "assembly and voted by the representatives' assembly, then published and implemented",
            (JINJIANG_SEQUENCE, JINJIANG_DISCLOSURE, JINJIANG_SEPARATION),
        ),
        actor_rule((JINJIANG_SEQUENCE, JINJIANG_SEPARATION)),
        _local_record((JINJIANG_SEQUENCE,)),
        supervision_rule("proposal.supervision", (JINJIANG_SUPERVISION,)),
        _PARTY_FIRST,
    ),
    supervisor="assembly_working_committee",
    posting=_POSTING,
    valid_from=JINJIANG_2011,
)

NINGXIA = Procedure(
    id="major-matter",
    title_zh="居民代表会议议事程序（宁夏）",
    title_en="Representatives' assembly procedure (Ningxia)",
    initial="drafted",
    final="implemented",
    steps=(
        Step("propose", "提出议案", "proposal", ("drafted",), "proposed"),
        # not in the 2017 opinions: the statutory study (2025 Art. 30(4)), required from 2026
        Step(
            "review",
            "党组织研究讨论",
            "study by the party organisation",
            ("proposed",),
            "reviewed",
            PARTY_BODIES,
        ),
        Step(
            "decide",
            "民主议定",
            "democratic decision",
            ("proposed", "reviewed"),
            "adopted",
            ("representatives_assembly", "residents_assembly"),
            "meeting",
            "rejected",
        ),
        *_PUBLISH_AND_IMPLEMENT,
    ),
    guards=(
        sequence_rule(
            "proposal.sequence",
            "居民代表会议按照提出议案、民主议定、公布告知、组织实施的程序进行",
            "The representatives' assembly proceeds: proposal, democratic decision, "
            "publication, implementation",
            (NINGXIA_SEQUENCE,),
        ),
        actor_rule((NINGXIA_SEQUENCE,)),
        _local_record((NINGXIA_SEQUENCE,)),
        supervision_rule("proposal.supervision", (NINGXIA_SEQUENCE, NINGXIA_SUPERVISION)),
        _PARTY_FIRST,
    ),
    supervisor="supervision_committee",
    posting=_POSTING,
    valid_from=NINGXIA_2017,
)


def _layer(procedure: Procedure, citation: Citation, replaces: bool) -> Table:
    return Table(
        PROCEDURES,
        "程序",
        "procedures",
        (procedure_entry(procedure, citation),),
        replaces=replaces,
    )


#: The national rulebook's ``procedures`` table: the statutory party-first procedure.
NATIONAL_TABLE = _layer(NATIONAL, URBAN_PARTY_FIRST, replaces=False)
#: Jinjiang's layer: its own ``major-matter`` procedure replaces the national one.
JINJIANG_TABLE = _layer(JINJIANG, JINJIANG_SEQUENCE, replaces=True)
#: Ningxia's layer: its own ``major-matter`` procedure replaces the national one.
NINGXIA_TABLE = _layer(NINGXIA, NINGXIA_SEQUENCE, replaces=True)

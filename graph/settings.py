"""Every tunable number of Passerelles, one row each: its name, its value
and what it does. The modules read their numbers here, the Méthode page
quotes them from here, and a test holds the README's table of settings to
this one, so that neither can drift from what is computed (datasette's
SETTINGS is the model).

The values were chosen, and where they were measured the README says how.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    value: float | int
    help: str


SETTINGS = (
    # the actor graph: what each reason for a tie between two organisations weighs
    Setting("tie.PARTNER_OF", 1.0, "weight of a partnership in the actor graph"),
    Setting("tie.MEMBER_OF", 0.6, "weight of a membership (one organisation member of the other)"),
    Setting("tie.FUNDS", 0.6, "weight of funding between two organisations"),
    Setting("tie.CREATED", 0.6, "weight of founding (one organisation created the other)"),
    Setting("tie.RELATED_TO", 0.5, "weight of any other tie a file names between two organisations"),
    Setting("tie.co_project", 0.4, "a project's weight for each of its organisations, shared among the others"),
    Setting("tie.co_member", 0.2, "a network's weight for each of its members, shared among the others"),
    Setting("tie.co_event", 0.1, "an event's weight for each participant, shared among the others"),
    Setting("max_group", 50, "a project, network or event with more members ties nobody by itself"),
    # the partner score
    Setting("score.structure", 1.0, "closeness: resource allocation over shared relations"),
    Setting("score.three_steps", 1.0, "closeness: the same over walks of three ties"),
    Setting("score.themes", 0.5, "affinity: per shared theme, at most themes_counted of them"),
    Setting("score.same_territory", 0.4, "affinity: the same specific place"),
    Setting("score.paired_territory", 0.8, "affinity: paired territories (here / there)"),
    Setting("score.complementary_sphere", 0.3, "affinity: complementary spheres, when something else is shared"),
    Setting("score.affinity_alone", 0.5, "score = closeness × (1 + affinity) + this × affinity"),
    Setting("score.activity", 0.25, "the score × ((1 + one's tie strength) × (1 + the other's)) to this power"),
    Setting("themes_counted", 3, "shared themes counted in the affinity, at most"),
    Setting("specific_place", 0.25, "a shared place counts if it holds at most this share of the located "
                                    "organisations"),
    Setting("max_pair_work", 2_000_000_000, "synergies refuse a network whose every-pair scoring needs more work "
            "(25,000 organisations with 8 ties each: 1.1 billion, 25 s)"),
    # the metrics
    Setting("betweenness_sample_from", 5_000, "above this many organisations, the app estimates betweenness"),
    Setting("metrics_later_from", 5_000,
            "above this many organisations, pages show their figures first and the metrics when computed, and a "
            "version changed outside the app is analysed in the background from its first visit"),
    Setting("betweenness_sources", 500, "... from this many sources drawn at random (seeded)"),
    Setting("parallel_betweenness_from", 200_000, "ties between organisations from which betweenness runs in a "
                                                  "second process"),
    # the explorer's drawing
    Setting("aggregate_from", 1_500, "above this many nodes, groups are drawn instead of nodes"),
    Setting("search_from", 1_000, "above this many elements, a list to choose from is searched by name first "
                                  "(the whole list is not sent to the browser)"),
    Setting("search_most", 100, "... and shows at most this many of the elements found"),
    Setting("expand_most", 600, "elements one step outside the drawing sent with it, for « Déplier ses voisins »"),
    # what one file may hold: refused beyond, with a sentence saying which limit
    Setting("limit.upload_mb", 100, "largest file the app accepts, in MB (the server's maxUploadSize)"),
    Setting("limit.file_mb", 500, "largest file a load reads, in MB (the command line too)"),
    Setting("limit.unpacked_mb", 300, "most a workbook may unpack to, in MB, checked before it is parsed"),
    Setting("limit.zip_ratio", 100, "a workbook part over 10 MB that unpacks more than this many times its size "
                                    "is refused (a zip bomb)"),
    Setting("limit.rows", 300_000, "most rows in one sheet or table"),
    Setting("limit.columns", 500, "most columns in one sheet or table"),
    Setting("limit.cell_chars", 10_000_000, "most characters in one cell"),
    Setting("limit.seconds", 300, "longest a file may take to read, in seconds"),
    Setting("limit.json_depth", 12, "deepest nesting of lists and maps in a JSON graph"),
    # name resolution
    Setting("duplicates.close_names", 90, "two organisations' names at least this alike (0-100, accents and case "
            "folded) are proposed as a possible duplicate"),
    Setting("journal.undo_records", 20_000, "a change touching more elements keeps only its summary in the journal "
            "and cannot be undone"),
    Setting("fuzzy_accept", 88, "a similarity (0-100) from which a name is read as a known one, and reported"),
    Setting("fuzzy_close", 6, "two candidates this close in similarity: the name is ambiguous"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def value(name: str):
    """The value of one setting."""
    return _BY_NAME[name].value


def group(prefix: str) -> dict:
    """{rest of the name: value} of the settings named prefix.<rest>."""
    return {s.name[len(prefix) + 1:]: s.value for s in SETTINGS if s.name.startswith(prefix + ".")}

"""``dialog analyze PROCESS_ID --json [--seed N]``: the full analysis of one process."""

from __future__ import annotations

import json
from typing import Any

import click

from dialog.cli.polis import fail
from dialog.errors import DialogError
from dialog.i18n import translate


@click.command(help="Analysera en process: åsiktsgrupper, samsyn, splittring, teman och "
               "saknade perspektiv.")
@click.argument("process_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Skriv ut ett JSON-objekt.")
@click.option("--seed", default=0, show_default=True, type=click.IntRange(min=0))
@click.option("--graph", "with_graph", is_flag=True,
              help="Ta med grafen (networkx node-link JSON) i JSON-utskriften.")
def analyze(process_id: int, as_json: bool, seed: int, with_graph: bool) -> None:
    """Analyse a process now and print the result; members carry the import's own ids."""
    from dialog import policy
    from dialog.cli.context import bound_settings
    from dialog.extensions import db
    from dialog.models import Process
    from phases.inventering.map import analysis_runs  # the analysis stack loads slowly
    from phases.inventering.map.analysis_inputs import participant_labels

    bound_settings()
    try:
        with db.transaction() as session:
            process = policy.load(session, Process, process_id)
            result, _priorities = analysis_runs.analyze_process(session, process, seed)
            labels = participant_labels(session, process.id)
    except DialogError as exc:
        raise fail(exc) from exc
    result = relabel(result, labels)
    if not with_graph:
        result.pop("graph", None)  # large; the graph has its own export (--format graphml)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(f"Process {process_id}: {result['counts']['participants']} deltagare, "
               f"{result['counts']['perspectives']} perspektiv, "
               f"{result['counts']['reactions']} reaktioner "
               f"({result['timing_ms']['total']:.0f} ms)")
    if not result["opinion_groups"]:
        click.echo(f"  {translate('map.no_opinion_groups')}")
    for index, group in enumerate(result["opinion_groups"]):
        # Letters, as on the map and in the publication: Åsiktsgrupp A, B, C ...
        click.echo(f"  Åsiktsgrupp {chr(ord('A') + index)}: {group['size']} deltagare")
        for item in group["representative"][:3]:
            mark = "+" if item.get("direction") == "agree" else "−"
            click.echo(f"    {mark} {item['text'][:100]}")
    for prompt in result["missing_perspectives"]:
        click.echo(f"  Saknas: {prompt['message_sv']}")


def relabel(result: dict[str, Any], labels: dict[int, int | str]) -> dict[str, Any]:
    """Replace participant ids by their labels (Polis voter-ids for imported ones)."""
    relabelled = dict(result)
    relabelled["opinion_groups"] = [
        {**g, "members": [labels.get(m, m) for m in g["members"]]}
        for g in result["opinion_groups"]
    ]
    relabelled["projection"] = {str(labels.get(int(k), k)): xy
                                for k, xy in result["projection"].items()}
    relabelled["in_conversation"] = [labels.get(m, m) for m in result["in_conversation"]]
    return relabelled

"""Profiles the check with cProfile (which of our functions cost the most) and times the catalog check's walk."""

from __future__ import annotations

import ast
import os
import pstats
import statistics
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measuring import BUILD_TIMEOUT, COMMAND_TIMEOUT, BenchmarkError, child_env, progress, run_child
from benchmarks.scenarios import ROOT

PROFILE_TIMEOUT = 2 * BUILD_TIMEOUT  # the profiler slows every Python call
PLUGIN_MODULE = "scripts/resource_site/plugin/plugin.py"  # where MkDocs calls our hooks (`on_…` methods)
TEMPLATE_WALK = """\
import sys, time
from pathlib import Path
from resource_site.content.catalogs import extracted_strings
started = time.perf_counter()
extracted_strings(Path(sys.argv[1]))
print(time.perf_counter() - started)
"""

# The check's `main`, imports and all, under cProfile; not `python -m cProfile -m resource_site`:
# the command line ends its process at once (cli.leave), before cProfile could write its file.
PROFILED_CHECK = """\
import cProfile, sys
output, *arguments = sys.argv[1:]
def check():
    from resource_site.cli import main
    return main(arguments)
profiler = cProfile.Profile()
code = profiler.runcall(check)
profiler.dump_stats(output)
sys.exit(code)
"""


# --- d: the catalog check's walk of the project folder -------------------------------------------


@dataclass(frozen=True)
class TemplateWalk:
    """The catalog check extracts strings with Babel, which walks every folder of the project."""

    in_place: float
    on_copy: float
    files_in_place: int
    files_on_copy: int


def walked_files(root: Path) -> int:
    """Files Babel's extract_from_dir visits: it skips folders starting with '.' or '_'."""
    count = 0
    for _folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith((".", "_"))]
        count += len(files)
    return count


def template_walk_seconds(root: Path) -> float:
    """One string extraction over `root`, timed inside a fresh interpreter (imports left out)."""
    completed = run_child(
        [sys.executable, "-c", TEMPLATE_WALK, str(root)], timeout=COMMAND_TIMEOUT, cwd=ROOT, env=child_env(ROOT)
    )
    if completed.returncode == 0:
        with suppress(ValueError):
            return float(completed.stdout)
    raise BenchmarkError(
        f"timing the template walk of {root} failed (exit {completed.returncode}):\n{completed.stderr[-2000:]}"
    )


def time_template_walk(root: Path, repeats: int) -> float:
    return statistics.median(template_walk_seconds(root) for _ in range(repeats))


def measure_template_walk(copy: Path, repeats: int) -> TemplateWalk:
    progress("▸ d. the catalog check's walk of the project folder, in place and on a copy")
    return TemplateWalk(
        time_template_walk(ROOT, repeats), time_template_walk(copy, repeats), walked_files(ROOT), walked_files(copy)
    )


# --- f: cProfile of the check -------------------------------------------------------------------


@dataclass(frozen=True)
class Cost:
    function: str
    where: str
    calls: int
    inclusive: float  # everything below it, our code included
    own: float  # itself and the library code below it, not counting our functions below it


@dataclass(frozen=True)
class Profile:
    wall_seconds: float
    profiled_seconds: float
    costs: list[Cost]
    mkdocs_seconds: float  # library time under build_site once our hooks are taken out
    hooks_seconds: float  # our MkDocs hooks, called by MkDocs
    ours_seconds: float  # the own time of all our functions but build_site


Function = tuple[str, int, str]


def callee_edges(stats: dict) -> dict[Function, dict[Function, float]]:
    """cProfile keeps callers; turned round: function -> {callee: seconds spent in it from here}."""
    callees: dict[Function, dict[Function, float]] = {}
    for function, row in stats.items():
        for caller, edge in row[4].items():
            callees.setdefault(caller, {})[function] = edge[3]
    return callees


def post_order(stats: dict, ours: set[Function], callees: dict[Function, dict[Function, float]]) -> list[Function]:
    """Library functions, each after the library functions it calls (call cycles broken anywhere)."""
    order: list[Function] = []
    done: set[Function] = set()
    for root in stats:
        stack = [(root, False)]
        while stack:
            function, expanded = stack.pop()
            if expanded:
                order.append(function)
            elif function not in done and function not in ours:
                done.add(function)
                stack.append((function, True))
                stack += [(callee, False) for callee in callees.get(function, {}) if callee not in done]
    return order


def caller_weights(stats: dict, ours: set[Function]) -> dict[Function, dict[Function, float]]:
    """For each library function, how its time divides among its callers (by time spent from each)."""
    weights: dict[Function, dict[Function, float]] = {}
    for function, row in stats.items():
        callers = row[4]
        if function in ours or not callers:
            continue
        index = 3 if sum(edge[3] for edge in callers.values()) > 0 else 1  # time, or call counts if no time
        total = sum(edge[index] for edge in callers.values())
        weights[function] = {caller: edge[index] / total for caller, edge in callers.items()}
    return weights


def own_seconds(stats: dict, ours: set[Function], sweeps: int = 200) -> dict[Function, float]:
    """Each of our functions' own lines plus the library code below it, our other functions left out.

    Like gprof: every function's self time is passed up to its callers in proportion to the time
    each spent calling it, through library code, until it reaches one of ours; a hook MkDocs calls
    keeps its time, and the MkDocs code around it goes to `build_site`. Sweeps in call order repeat
    until call cycles (static-i18n builds each language inside the first one's build) settle."""
    callees = callee_edges(stats)
    weights = caller_weights(stats, ours)
    order = post_order(stats, ours, callees)
    inputs = {  # function -> [(library callee, the share of its time that comes up to this function)]
        function: [
            (callee, weights[callee][function])
            for callee in callees.get(function, {})
            if callee not in ours and function in weights.get(callee, {})
        ]
        for function in [*order, *ours]
    }
    amount = {function: stats[function][2] for function in order}
    for _sweep in range(sweeps):
        change = 0.0
        for function in order:
            new = stats[function][2] + sum(amount[callee] * weight for callee, weight in inputs[function])
            change, amount[function] = max(change, abs(new - amount[function])), new
        if change < 1e-4:
            break
    return {
        function: stats[function][2] + sum(amount[callee] * weight for callee, weight in inputs[function])
        for function in ours
    }


def qualified_names(source: Path) -> dict[int, str]:
    """`Class.method` or `outer.inner` of each function, by the first line cProfile gives it."""
    names: dict[int, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = prefix + child.name
                if not isinstance(child, ast.ClassDef):
                    names[min([child.lineno, *(item.lineno for item in child.decorator_list)])] = name
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source.read_text(encoding="utf-8")), "")
    return names


def display_name(names: dict[int, str], line: int, name: str) -> str:
    qualified = names.get(line, name)
    return qualified if qualified.rsplit(".", 1)[-1] == name else name


MKDOCS_CALLER = "build_languages"  # output/build.py: the function of ours that calls MkDocs' build()


def is_hook(cost: Cost) -> bool:
    """One of the plugin's MkDocs event methods (`ResourceSitePlugin.on_page_content`, …)."""
    return cost.where.startswith(PLUGIN_MODULE + ":") and cost.function.rsplit(".", 1)[-1].startswith("on_")


def profile_check(copy: Path, work: Path) -> Profile:
    progress("▸ f. the check under cProfile")
    output = work / "check.prof"
    command = [sys.executable, "-c", PROFILED_CHECK, str(output), "--root", str(copy)]
    command += ["check", "--jobs", "1", "--json", str(work / "profile.json")]  # cProfile sees one process
    started = time.perf_counter()
    completed = run_child(command, timeout=PROFILE_TIMEOUT, cwd=copy, env=child_env(copy))
    wall = time.perf_counter() - started
    if not output.is_file():
        raise BenchmarkError(f"the profiled check wrote no profile (exit {completed.returncode}):\n{completed.stderr}")
    stats = pstats.Stats(str(output)).stats  # type: ignore[attr-defined]
    scripts = str(copy / "scripts") + os.sep
    ours = {function for function in stats if function[0].startswith(scripts)}
    own = own_seconds(stats, ours)
    names = {file: qualified_names(Path(file)) for file in {function[0] for function in ours}}
    costs = [
        Cost(
            display_name(names[file], line, name),
            f"{Path(file).relative_to(copy).as_posix()}:{line}",
            stats[(file, line, name)][1],
            stats[(file, line, name)][3],
            min(own[(file, line, name)], stats[(file, line, name)][3]),  # the sharing-out is approximate
        )
        for file, line, name in ours
    ]
    build = next((cost for cost in costs if cost.function == MKDOCS_CALLER), None)
    if build is None:
        raise BenchmarkError(f"the profiled check never called {MKDOCS_CALLER} (exit {completed.returncode})")
    hooks = sum(cost.inclusive for cost in costs if is_hook(cost))
    total = max(stats[function][3] for function in stats)
    ours_total = sum(cost.own for cost in costs if cost is not build)
    return Profile(wall, total, sorted(costs, key=lambda cost: -cost.own), build.own, hooks, ours_total)

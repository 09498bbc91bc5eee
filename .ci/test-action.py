#!/usr/bin/env python3
"""Runs the composite action (action.yml) the way a GitHub runner would, without GitHub.

    .ci/test-action.py

Each `run` step is executed with bash, its `env:` expressions resolved from the inputs (defaults,
overridden per case), github.action_path (this checkout) and earlier steps' outputs ($GITHUB_OUTPUT).
`uses` steps are skipped: they set up Java, which this machine has. An expression the simulator does
not know fails the test, so the action stays within what is checked here. Each case checks the exit
code, the outputs and that the SARIF file was written; the caller validates the SARIF itself.
Needs python3 with PyYAML (a dependency of pre-commit) and target/polygraph.jar.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def run_action(action, inputs, workspace):
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(inputs) - set(values)
    if unknown:
        raise SystemExit(f"test-action: no such inputs: {sorted(unknown)}")
    values.update(inputs)
    outputs = {}

    def resolve(text):
        def one(match):
            expr = match.group(1)
            if expr.startswith("inputs."):
                return values[expr[len("inputs."):]]
            if expr == "github.action_path":
                return ROOT
            m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if m:
                return outputs.get(m.group(1), {}).get(m.group(2), "")
            raise SystemExit(f"test-action: unsupported expression: {expr}")

        return EXPRESSION.sub(one, str(text))

    for step in action["runs"]["steps"]:
        if "uses" in step:
            continue
        if "if" in step:
            raise SystemExit(f"test-action: step {step.get('name')}: 'if' is not simulated")
        with tempfile.NamedTemporaryFile("r", delete=False) as out:
            output_file = out.name
        env = dict(os.environ)
        env.update({k: resolve(v) for k, v in step.get("env", {}).items()})
        env["GITHUB_OUTPUT"] = output_file
        env["GITHUB_ACTION_PATH"] = ROOT
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]],
                              cwd=workspace, env=env)
        with open(output_file) as f:
            pairs = [line.rstrip("\n").split("=", 1) for line in f if "=" in line]
        os.unlink(output_file)
        if "id" in step:
            outputs[step["id"]] = dict(pairs)
        if proc.returncode != 0:
            return proc.returncode, outputs
    return 0, outputs


def readme_workflow():
    """The README's code-scanning workflow: the polygraph step's inputs and the uploaded file."""
    with open(os.path.join(ROOT, "README.md")) as f:
        section = f.read().split("\n## GitHub code scanning\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```yaml\n(.*?)^```$", section, re.S | re.M).group(1)
    steps = [s for job in yaml.safe_load(block)["jobs"].values() for s in job["steps"]]
    scan = next(s for s in steps if s.get("uses", "").startswith("polygraph-dev/polygraph@"))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    return {k: str(v) for k, v in scan.get("with", {}).items()}, upload["with"]["sarif_file"]


def main():
    with open(os.path.join(ROOT, "action.yml")) as f:
        action = yaml.safe_load(f)
    jar = os.path.join(ROOT, "target", "polygraph.jar")
    failures = []
    readme_inputs, uploaded = readme_workflow()
    if uploaded != readme_inputs.get("sarif-file", action["inputs"]["sarif-file"]["default"]):
        failures.append(f"README workflow uploads {uploaded}, not the file the scan writes")
    with tempfile.TemporaryDirectory() as workspace:
        # Copies, not links: the scan does not follow a link out of the scanned tree.
        shutil.copytree(os.path.join(ROOT, "examples"), os.path.join(workspace, "examples"))
        shutil.copytree(os.path.join(ROOT, "fixtures"), os.path.join(workspace, "fixtures"))
        cases = [
            # (inputs, expected exit code)
            ({"path": "examples", "jar": jar, "sarif-file": "out/examples.sarif"}, 1),
            ({"path": "examples", "jar": jar, "sarif-file": "none.sarif", "fail-on": "none"}, 0),
            ({"path": "fixtures/EKS004/cfn/good-custom-policy.yaml fixtures/EKS001", "jar": jar,
              "args": "--skip-rules EKS001 --ip-family ipv4", "sarif-file": "two.sarif"}, 0),
            # The README's workflow, with the jar built above.
            (dict(readme_inputs, jar=jar), 1),
            # No jar: the action builds one from its own source with Maven.
            ({"path": "examples"}, 1),
        ]
        for inputs, expected in cases:
            code, outputs = run_action(action, inputs, workspace)
            sarif = inputs.get("sarif-file", action["inputs"]["sarif-file"]["default"])
            scan = outputs.get("scan", {})
            if code != expected:
                failures.append(f"{inputs}: exit {code}, expected {expected}")
            elif scan.get("exit-code") != str(expected) or scan.get("sarif-file") != sarif:
                failures.append(f"{inputs}: outputs {scan}")
            elif not os.path.isfile(os.path.join(workspace, sarif)):
                failures.append(f"{inputs}: {sarif} not written")
            else:
                os.makedirs(os.path.join(ROOT, "target", "action"), exist_ok=True)
                os.replace(os.path.join(workspace, sarif),
                           os.path.join(ROOT, "target", "action", os.path.basename(sarif)))
    for failure in failures:
        print(f"test-action: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(f"action.yml: OK ({len(cases)} cases; SARIF in target/action/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Validate SARIF files offline with the Microsoft SARIF Multitool, including GitHub's ingestion rules.
#
#   tools/sarif-validate.sh FILE.sarif [FILE.sarif ...]
#
# Runs `Sarif.Multitool validate` with --rule-kind "Sarif;Gh;Ghas", all levels, and
# tools/sarif-gh-rules.config.xml (which turns on GH1001-GH1007; they are off by default).
# Prints one line per validation result, then "<file>: N error(s), M result(s)".
#
# Exit status: 0 no error-level result in any file; 1 at least one error; 2 usage error or the
# multitool could not run. (The multitool itself exits 0 even when it finds errors, so this
# script reads its output log.)
#
# Environment:
#   OCILINT_SARIF_MULTITOOL  path to the Sarif.Multitool ELF; default (what .ci/run installs):
#                            .tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
#                            Install: npm install --no-audit --no-fund --prefix .tools @microsoft/sarif-multitool@5.7.0
#   SARIF_GH_CONFIG          validation config (default: sarif-gh-rules.config.xml next to this script)
#
# Call the ELF, never node_modules/.bin/sarif-multitool: that shim runs through /bin/sh and
# splits "Sarif;Gh;Ghas" at the semicolons.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
MT="${OCILINT_SARIF_MULTITOOL:-${SARIF_MULTITOOL:-$repo/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}}"
CFG="${SARIF_GH_CONFIG:-$here/sarif-gh-rules.config.xml}"

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
if [[ ! -x $MT ]]; then
  echo "sarif-validate: Sarif.Multitool not found or not executable: $MT" >&2
  echo "  set OCILINT_SARIF_MULTITOOL, or run: npm install --no-audit --no-fund --prefix .tools @microsoft/sarif-multitool@5.7.0" >&2
  exit 2
fi
[[ -r $CFG ]] || { echo "sarif-validate: config not found: $CFG" >&2; exit 2; }
command -v node >/dev/null || { echo "sarif-validate: node is required" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

worst=0
for in in "$@"; do
  if [[ ! -r $in ]]; then
    echo "sarif-validate: cannot read $in" >&2
    worst=2; continue
  fi
  out="$tmp/out.sarif"
  rm -f "$out"
  # The multitool is a self-contained .NET app; invariant globalization keeps it working
  # on machines without libicu and makes its messages culture-independent.
  if ! DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}" \
       "$MT" validate "$in" -c "$CFG" --rule-kind "Sarif;Gh;Ghas" --level "Error;Warning;Note" \
       -o "$out" --log ForceOverwrite >"$tmp/mt.log" 2>&1 || [[ ! -s $out ]]; then
    echo "sarif-validate: Sarif.Multitool failed on $in:" >&2
    cat "$tmp/mt.log" >&2
    worst=2; continue
  fi
  rc=0
  node -e '
const [outPath, label] = process.argv.slice(1);
let l;
try { l = JSON.parse(require("fs").readFileSync(outPath, "utf8")); }
catch (e) { console.error(`sarif-validate: cannot read the multitool output: ${e.message}`); process.exit(3); }
const rs = (l.runs || []).flatMap(r => (r.results || []).map(x => ({
  ...x,
  level: x.level ?? r.tool?.driver?.rules?.[x.ruleIndex]?.defaultConfiguration?.level ?? "warning" })));
const ex = (l.runs || []).flatMap(r => (r.invocations || []).flatMap(i => i.toolExecutionNotifications || []));
for (const x of rs) {
  const loc = x.locations?.[0]?.physicalLocation?.region;
  console.log(`${x.level.padEnd(7)} ${x.ruleId} (${loc?.startLine},${loc?.startColumn}) ${JSON.stringify(x.message.arguments || x.message.text)}`);
}
for (const n of ex) console.log("TOOL-NOTIFICATION", n.level, n.message?.text);
const errs = rs.filter(x => x.level === "error").length + ex.filter(n => n.level === "error").length;
console.log(`${label}: ${errs} error(s), ${rs.length} result(s)`);
// exitCode, not exit(): exit() drops stdout still buffered for a pipe (long logs lost their last line).
process.exitCode = errs ? 1 : 0;' "$out" "$in" || rc=$?
  if [[ $rc -gt 1 ]]; then worst=2; elif [[ $rc -eq 1 && $worst -eq 0 ]]; then worst=1; fi
done
exit "$worst"

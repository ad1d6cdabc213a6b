#!/usr/bin/env bash
# Records installer/cds/promptdesk.classlist: the classes and lambda proxies a console start (Xvfb, until the
# Author workspace has run its tests) and a headless `promptdesk test` load, with the app image's own runtime.
# Run after `mvn -B -Pinstaller package` whenever start-up code changes, then build the installer again.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=target/installer/promptdesk
java="$image/lib/runtime/bin/java"
[ -x "$java" ] || { echo "build the app image first: mvn -B -Pinstaller package" >&2; exit 2; }
cp=$(grep '^app.classpath=' "$image/lib/app/promptdesk.cfg" | sed "s|^app.classpath=||; s|\$APPDIR|$PWD/$image/lib/app|" | paste -sd:)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The console in screenshot mode opens the sample workspace, runs its tests, captures and exits.
xvfb-run -a -s '-screen 0 1400x900x24' "$java" -XX:DumpLoadedClassList="$work/console.classlist" \
    -Dpromptdesk.workspace="$work/ws" -Dpromptdesk.screenshot="$work/shot.png" -cp "$cp" io.promptdesk.Main >/dev/null 2>&1
# Exit 1 is expected: the sample holds a case that fails prompt_injection.
"$java" -XX:DumpLoadedClassList="$work/cli.classlist" -cp "$cp" io.promptdesk.Main test \
    --template-file "$work/ws/article-writer.prompt" --cases "$work/ws/article-writer.cases.json" --rules all \
    >/dev/null 2>&1 || [ $? -eq 1 ]
# Console lines first, then what only the CLI loads; comments dropped, order otherwise kept.
awk '!/^#/ && !seen[$0]++' "$work/console.classlist" "$work/cli.classlist" > installer/cds/promptdesk.classlist
echo "installer/cds/promptdesk.classlist: $(grep -vc '^@' installer/cds/promptdesk.classlist) classes," \
     "$(grep -c '^@lambda-proxy' installer/cds/promptdesk.classlist) lambda proxies"

#!/usr/bin/env bash
# Creates a data-only city jar (its table, scenario tables and tests; no Java) from platform/testkit/template/city:
#   platform/testkit/new-city.sh <name> <code> <title> <province-module>
#   e.g. platform/testkit/new-city.sh lanzhou 620100 兰州市 gansu
# <name> is the folder, artifactId suffix and package (lower-case ASCII); <province-module> is the folder
# under province-plugins/ whose bounds the city files against.
set -euo pipefail
if [ $# -ne 4 ]; then
  sed -n '2,6p' "$0"; exit 2
fi
name=$1 code=$2 title=$3 province=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
template="$root/platform/testkit/template/city"
target="$root/city-plugins/$name"
[[ $name =~ ^[a-z][a-z0-9]*$ ]] || { echo "name: lower-case letters and digits" >&2; exit 2; }
[[ $code =~ ^[0-9]{6}$ ]] || { echo "code: six digits" >&2; exit 2; }
[ -d "$root/province-plugins/$province" ] || { echo "no province-plugins/$province" >&2; exit 2; }
[ ! -e "$target" ] || { echo "$target exists" >&2; exit 2; }
parent="${code:0:2}0000"
class="$(tr '[:lower:]' '[:upper:]' <<< "${name:0:1}")${name:1}"
province_table=$(cd "$root/province-plugins/$province/src/main/resources/rules" 2>/dev/null && ls *.txt | head -1)
[ -n "$province_table" ] || { echo "no table in province-plugins/$province/src/main/resources/rules" >&2; exit 2; }
cp -r "$template" "$target"
# rename the placeholder paths, deepest first
find "$target" -depth -name '*__*' | while read -r p; do
  n=$(basename "$p" | sed "s/__NAME__/$name/g; s/__CODE__/$code/g; s/__CLASS__/$class/g")
  mv "$p" "$(dirname "$p")/$n"
done
find "$target" -type f | while read -r f; do
  sed -i "s/__NAME__/$name/g; s/__CODE__/$code/g; s/__CLASS__/$class/g; s/__TITLE__/$title/g; s/__PARENT__/$parent/g; \
s/__PROVINCE_TABLE__/$province_table/g; s/__PROVINCE__/$province/g" "$f"
done
sed -i "s|  </modules>|    <module>$name</module>\n  </modules>|" "$root/city-plugins/pom.xml"
echo "created city-plugins/$name ($code $title under $parent, bounds of province-plugins/$province)"
echo "next: edit src/main/resources/rules/$code-$name.txt and the scenario tables, then"
echo "  mvn -B -pl city-plugins/$name -am verify"
echo "  mvn -B -q -pl city-plugins/$name -am -Pfiling-report process-test-classes"

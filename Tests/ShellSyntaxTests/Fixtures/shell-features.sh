#!/usr/bin/env bash
# Quoting that documentation tends to contain, one command per case.
influxctl token create --read-database 'a b' "c d" e\ f 'g'"h"i
influxctl token create $'tab\there' "dollar \$ and backslash \\ and plain \q"
influxctl token create "" '' x
PREFIX=team
influxctl token create "${PREFIX}-writer" ${PREFIX}_reader $PREFIX/x "${PREFIX:-other}"
influxctl token create --description="multi
line value"
influxctl token create 'single \ backslash' "\\\\server\\share"
influxctl token create join\
ed "con\
tinued" 'kept\
'
{ influxctl database list; }
( influxctl database list --format json )
describe() { influxctl token get "$1"; }
describe tok-1
influxctl token create semi\;colon 'hash#inside' trailing# amp\&er
influxctl database create db1 &> /dev/null
influxctl token list 2> /dev/null >| listing.txt
influxctl token create "nested $(echo "quoted )" | tr a b) done"
influxctl token create "math $((1 + (2 * 3)))"
NODES=("node 1" "node2")
NODES+=(node3)
influxctl database create "$NODES" <(echo ignored)

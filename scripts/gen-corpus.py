#!/usr/bin/env python3
"""Writes a deterministic Hugo-style docs tree for benchmarks.

usage: gen-corpus.py OUT_DIR [PAGES]   (default 5000 pages, about 20 MB)

About a fifth of the pages hold influxctl and curl examples in the style of a product's
token and database docs; the rest are prose pages with other code blocks, lists and
shortcodes. The same arguments always give the same bytes.
"""
import os
import random
import sys

WORDS = ("cluster database token query write schema table retention partition series field tag "
         "measurement bucket permission admin reference example configure install latency throughput "
         "storage compactor ingester router namespace client server request response").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 3)))


def influxctl_section(rng, n):
    db = f"db{n % 17}"
    other = f"db{(n + 5) % 17}"
    return f"""
## Create a token for {db}

{{{{< expand-wrapper >}}}}
{{{{% expand "Create a token with read-only access to {db}" %}}}}

```sh
influxctl token create \\
  --read-database {db} \\
  "Read-only token for {db}"
```

{{{{% /expand %}}}}
{{{{% expand "Create a token with mixed permissions on multiple databases" %}}}}

```sh
influxctl token create \\
  --read-database {db} \\
  --read-database {other} \\
  --write-database {other} \\
  "Read-only on {db}, read/write on {other}"
```

{{{{% /expand %}}}}
{{{{< /expand-wrapper >}}}}

{{{{< code-tabs-wrapper >}}}}
{{{{% code-tabs %}}}}
[influxctl](#)
[Management API](#)
{{{{% /code-tabs %}}}}
{{{{% code-tab-content %}}}}

```sh {{ placeholders="DATABASE_NAME" }}
influxctl database create --retention-period 30d DATABASE_NAME
```

{{{{% /code-tab-content %}}}}
{{{{% code-tab-content %}}}}

```sh {{ placeholders="ACCOUNT_ID|CLUSTER_ID|MANAGEMENT_TOKEN|DATABASE_NAME" }}
curl \\
  --request POST \\
  "https://console.influxdata.com/api/v0/accounts/ACCOUNT_ID/clusters/CLUSTER_ID/databases" \\
  --header "Authorization: Bearer MANAGEMENT_TOKEN" \\
  --header "Content-Type: application/json" \\
  --data '{{"name": "DATABASE_NAME", "retentionPeriod": 2592000000000000}}'
```

{{{{% /code-tab-content %}}}}
{{{{< /code-tabs-wrapper >}}}}
"""


def prose_page(rng, n):
    parts = [f"""---
title: Page {n}
description: {sentence(rng)}
menu:
  product:
    parent: Section {n % 40}
weight: {n % 300}
---
"""]
    for section in range(rng.randint(2, 3)):
        parts.append(f"## Section {section}\n\n{paragraph(rng)}\n")
        parts.append("1.  " + sentence(rng) + "\n2.  " + sentence(rng) + "\n\n    - " + sentence(rng) + "\n")
        if rng.random() < 0.5:
            parts.append(f"```python\nclient = Client(host='{rng.choice(WORDS)}')\nclient.query('SELECT * FROM home')\n```\n")
        if rng.random() < 0.3:
            parts.append("{{% note %}}\n" + paragraph(rng) + "\n{{% /note %}}\n")
        parts.append(paragraph(rng) + "\n")
    return "\n".join(parts)


def main():
    out = sys.argv[1]
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(20261129)
    for n in range(pages):
        folder = os.path.join(out, f"section{n % 40:02d}")
        os.makedirs(folder, exist_ok=True)
        text = prose_page(rng, n)
        if n % 5 == 0:
            text += influxctl_section(rng, n)
        with open(os.path.join(folder, f"page{n:05d}.md"), "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()

# Baseline (c): the scripting alternative's second half. Reads the report curl saved and computes the mean and
# the minimum of the engagement ratio with Python's csv module, as a user's CI script would.
import csv
import sys

with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = csv.reader(f)
    column = next(rows).index("meeting_engaged_play_time_ratio")
    count = 0
    total = 0.0
    lowest = float("inf")
    for row in rows:
        value = float(row[column])
        count += 1
        total += value
        if value < lowest:
            lowest = value
print(f"rows={count} mean={total / count:.6f} min={lowest}")

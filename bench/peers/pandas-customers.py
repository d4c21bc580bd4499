"""Row 3's second peer: pandas + openpyxl making the customer table from the same deal-line .xlsx.

What a manager's analyst would write by hand: read the sheet, keep won lines, and per customer the
revenue, distinct orders, type and months active, sorted by revenue with each customer's share and the
running share (the 80% line). Prints the table as JSON so the run does the same work as ours.
Used by bench/cli-vs-libreoffice.mjs: /usr/bin/python3 bench/peers/pandas-customers.py FILE
"""
import json
import sys

import pandas as pd

deals = pd.read_excel(sys.argv[1], engine="openpyxl")
won = deals[deals["状态"] == "赢单"].copy()
won["月份"] = pd.to_datetime(won["成交日期"]).dt.to_period("M").astype(str)
table = (
    won.groupby("客户名称")
    .agg(
        客户类型=("客户类型", "first"),
        成交金额=("成交金额", "sum"),
        订单数=("订单号", "nunique"),
        月份数=("月份", "nunique"),
    )
    .sort_values("成交金额", ascending=False)
)
total = table["成交金额"].sum()
table["占比"] = table["成交金额"] / total
table["累计占比"] = table["占比"].cumsum()
json.dump(table.reset_index().to_dict(orient="records"), sys.stdout, ensure_ascii=False)

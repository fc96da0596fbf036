"""Helpers for writing the holdout texts and their labels side by side.

A labelled figure is written into the prose as N(key, value[, display]) and renders as
its display text; the label is collected from the same call, so text and label cannot
drift apart. Table helpers render the national forms in the layouts real copies show and
label every printed cell (blank and "/" cells are printed but never labelled).
CUT marks where a truncated copy ends: nothing after it is written or labelled.
"""
import itertools
import re

MARK = re.compile(r"⟦([^=⟧]*)=([^|⟧]*)\|([^⟧]*)⟧")
CUT = "⟦CUT⟧"


def N(key, val, disp=None, approx=False):
    """A labelled figure in prose: key may be a list when one printed figure fills two keys."""
    keys = key if isinstance(key, (list, tuple)) else [key]
    d = fmt(val) if disp is None else disp
    return f"⟦{','.join(keys)}{'~' if approx else ''}={val}|{d}⟧"


def fmt(v):
    if isinstance(v, float):
        s = f"{v:.4f}".rstrip("0").rstrip(".")
        return s
    return str(v)


def render(src):
    """Return (text, metrics, approx) for a source with markers."""
    if CUT in src:
        src = src[: src.index(CUT)]
    metrics, approx = {}, []
    out, pos = [], 0
    for m in MARK.finditer(src):
        out.append(src[pos : m.start()])
        keys, val, disp = m.group(1), m.group(2), m.group(3)
        is_approx = keys.endswith("~")
        keys = keys.rstrip("~")
        v = float(val) if "." in val else int(val)
        for k in keys.split(","):
            if k in metrics and metrics[k] != v:
                raise ValueError(f"{k}: printed {metrics[k]} and {v}")
            metrics[k] = v
            if is_approx and k not in approx:
                approx.append(k)
        out.append(disp)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise ValueError("stray marker")
    return text, metrics, approx


def strip_marks(s):
    """Display text of a marked span, for damage that must not keep labels."""
    return MARK.sub(lambda m: m.group(3), s)


# ---------------------------------------------------------------- application table

COLS = ["person", "business", "research", "ngo", "legal", "other_org", "total"]
COL_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

OUTCOME21 = [
    ("granted", "（一）予以公开"),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "1.属于国家秘密"),
    ("denied_law", "2.其他法律行政法规禁止公开"),
    ("denied_safety", "3.危及“三安全一稳定”"),
    ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal", "5.属于三类内部事务信息"),
    ("denied_process", "6.属于四类过程性信息"),
    ("denied_enforcement", "7.属于行政执法案卷"),
    ("denied_inquiry", "8.属于行政查询事项"),
    ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable_need_create", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "3.补正后申请内容仍不明确"),
    ("unprocessed_petition", "1.信访举报投诉类申请"),
    ("unprocessed_repeat", "2.重复申请"),
    ("unprocessed_publication", "3.要求提供公开出版物"),
    ("unprocessed_mass", "4.无正当理由大量反复申请"),
    ("unprocessed_confirm", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "3.其他"),
]
GROUP_HEAD = {
    "denied_state_secret": "（三）不予公开",
    "unavailable_not_held": "（四）无法提供",
    "unprocessed_petition": "（五）不予处理",
    "other_no_correction": "（六）其他处理",
}


def outcome_rows(form):
    if form == "table2021":
        return OUTCOME21
    rows = [r for r in OUTCOME21 if not r[0].startswith("other_")]
    return rows + [("other", "（六）其他处理")]


def row_order(form):
    return (["apps_new", "apps_carried_over"] + [r for r, _ in outcome_rows(form)]
            + ["outcome_total", "apps_carried_forward"])


ROW_LABEL_FIXED = {
    "apps_new": "一、本年新收政府信息公开申请数量",
    "apps_carried_over": "二、上年结转政府信息公开申请数量",
    "outcome_total": "（七）总计",
    "apps_carried_forward": "四、结转下年度继续办理",
}


class Apps:
    """The application table. data: {row: [person, business, research, ngo, legal, other_org]}
    (rows left out are all zero). Totals are computed, and the flow identity is checked.
    zero: how a 0 outside the 总计 column is printed ('0', '' or '/'); tzero the same for 总计.
    blank: set of (row, col) printed blank whatever the value is (only for value 0).
    override: {(row, col): printed value} for a printed figure that breaks the sums."""

    def __init__(self, form, data, zero="0", tzero="0", blank=(), override=None, check=True):
        self.form = form
        self.zero, self.tzero = zero, tzero
        self.blank = set(blank)
        self.override = override or {}
        rows = row_order(form)
        v = {}
        for r in rows:
            if r == "outcome_total":
                continue
            vals = list(data.get(r, [0] * 6))
            assert len(vals) == 6, r
            v[r] = vals + [sum(vals)]
        for k in data:
            assert k in v, k
        outs = [r for r, _ in outcome_rows(form)]
        v["outcome_total"] = [sum(v[r][c] for r in outs) for c in range(7)]
        if check:
            for c in range(7):
                a = v["apps_new"][c] + v["apps_carried_over"][c]
                b = v["outcome_total"][c] + v["apps_carried_forward"][c]
                assert a == b, (c, a, b)
        self.v = v

    def value(self, r, c):
        return self.override.get((r, COLS[c]), self.v[r][c])

    def cell(self, r, c):
        """Printed text of a cell, with a label marker when it holds a figure."""
        val = self.value(r, c)
        if val == 0:
            z = self.tzero if c == 6 else self.zero
            if (r, COLS[c]) in self.blank:
                z = ""
            if z in ("", "/"):
                return z
        return N(f"{r}.{COLS[c]}", val)

    def raw(self, r, c):
        return strip_marks(self.cell(r, c))

    def labels(self, form=None):
        """(row label cells, row key) in print order; the first cells carry spans."""
        out = []
        for r in row_order(self.form):
            if r in ROW_LABEL_FIXED:
                lab = [ROW_LABEL_FIXED[r]]
            else:
                lab = [dict(outcome_rows(self.form))[r]]
                if r == "granted":
                    lab = ["三、本年度办理结果"] + lab
                if r in GROUP_HEAD:
                    lab = [GROUP_HEAD[r]] + lab
            out.append((lab, r))
        return out


def apps_header_lines():
    return ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
            "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def apps_lines(t, sep_line=None, trail=""):
    """One cell per line (a crawler's text of an HTML table)."""
    out = []
    for h in apps_header_lines():
        out.append(h + trail)
        if sep_line is not None:
            out.append(sep_line)
    for lab, r in t.labels():
        cells = lab + [t.cell(r, c) for c in range(7)]
        for x in cells:
            out.append(x + trail)
            if sep_line is not None:
                out.append(sep_line)
    return "\n".join(out)


def apps_pipe(t, md=False, pad=False):
    """One row a line with | separators (md: markdown with a header rule)."""
    out = []
    def row(cells):
        if pad:
            cells = [f" {x:<4} " if x and x[0] not in "一二三四（1234567" else f" {x} " for x in cells]
        s = " | ".join(cells) if not pad else "|".join(cells)
        return ("| " + s + " |") if md else (s + " |")
    out.append(row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "", "", "", "", "", ""]))
    if md:
        out.append("|" + "|".join(["---"] * 8) + "|")
    out.append(row(["", "自然人", "法人或其他组织", "", "", "", "", "总计"]))
    out.append(row(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]))
    for lab, r in t.labels():
        name = lab[-1]
        if len(lab) > 1 and md:
            name = "".join(lab[:-1]) + " " + lab[-1]
        elif len(lab) > 1:
            for extra in lab[:-1]:
                out.append(row([extra] + [""] * 7))
        out.append(row([name] + [t.cell(r, c) for c in range(7)]))
    return "\n".join(out)


def apps_tab(t):
    out = ["\t".join(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]),
           "\t".join(["", "自然人", "法人或其他组织", "", "", "", "", "总计"]),
           "\t".join(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])]
    for lab, r in t.labels():
        out.append("\t".join(lab + [t.cell(r, c) for c in range(7)]))
    return "\n".join(out)


def apps_glued(t, glue_rows=None):
    """Rows whose cells lost their separators. A cell is labelled only when every way of
    cutting the digit runs that fits the table's identities (row sums, the flow identity
    and the outcome sum, column by column) gives it the same value: what a careful reader
    could recover. Blank cells are never glued here."""
    rows = row_order(t.form)
    outs = [r for r, _ in outcome_rows(t.form)]
    cand = {}
    for r in rows:
        raws = [t.raw(r, c) for c in range(7)]
        assert all(x not in ("", "/") for x in raws), r
        cand[r] = row_splits("".join(raws), 7, row_sum=True)
        assert [int(x) for x in raws] in cand[r], r
    multi = [r for r in rows if len(cand[r]) > 1]
    fixed = {r: cand[r][0] for r in rows if len(cand[r]) == 1}
    good = []
    for combo in itertools.product(*[cand[r] for r in multi]):
        v = dict(fixed)
        v.update(zip(multi, combo))
        ok = all(v["apps_new"][c] + v["apps_carried_over"][c] == v["outcome_total"][c] + v["apps_carried_forward"][c]
                 and v["outcome_total"][c] == sum(v[o][c] for o in outs) for c in range(7))
        if ok:
            good.append(v)
    out = list(apps_header_lines())
    for lab, r in t.labels():
        cells = []
        for c in range(7):
            vals = {g[r][c] for g in good}
            cells.append(t.cell(r, c) if len(vals) == 1 else t.raw(r, c))
        if glue_rows is not None and r not in glue_rows:
            cells = [t.cell(r, c) for c in range(7)]
        out.append("".join(lab) + "".join(cells))
    return "\n".join(out)


def row_splits(digits, n, row_sum=False):
    """All ways to cut a digit run into n numbers without leading zeros."""
    res = []
    L = len(digits)
    if L < n:
        return res
    for cuts in itertools.combinations(range(1, L), n - 1):
        parts, prev = [], 0
        for c in list(cuts) + [L]:
            parts.append(digits[prev:c])
            prev = c
        if any(len(p) > 1 and p[0] == "0" for p in parts):
            continue
        nums = [int(p) for p in parts]
        if row_sum and sum(nums[:-1]) != nums[-1]:
            continue
        res.append(nums)
    return res


def glued_cells(label, cells_marked, identity=None):
    """Art. 20 style row glued to its label: label only when the split is unique."""
    raws = [strip_marks(c) for c in cells_marked]
    if any(x in ("", "/") for x in raws):
        return label + "".join(raws)
    splits = row_splits("".join(raws), len(raws))
    if identity is not None:
        splits = [s for s in splits if identity(s)]
    if len(splits) == 1:
        return label + "".join(cells_marked)
    return label + "".join(raws)


# ---------------------------------------------------------------- html

def td(x, attrs=""):
    inner = x if x != "" else "&nbsp;"
    return f"<td{attrs}><p align=\"center\">{inner}</p></td>"


def apps_html(t, nbsp_blank=True):
    out = ['<table border="1" cellspacing="0" cellpadding="0"><tbody>']
    out.append('<tr><td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td>'
               '<td colspan="7"><p align="center">申请人情况</p></td></tr>')
    out.append('<tr><td rowspan="2"><p align="center">自然人</p></td><td colspan="5"><p align="center">法人或其他组织</p></td>'
               '<td rowspan="2"><p align="center">总计</p></td></tr>')
    out.append("<tr>" + "".join(f"<td><p align=\"center\">{x}</p></td>" for x in COL_LABELS[1:6]) + "</tr>")
    spans = {"granted": 22 if t.form == "table2021" else 20}
    for lab, r in t.labels():
        cells = "".join(td(t.cell(r, c)) for c in range(7))
        if r in ROW_LABEL_FIXED and r != "outcome_total":
            out.append(f'<tr><td colspan="3"><p>{lab[0]}</p></td>{cells}</tr>')
            continue
        head = ""
        if r == "granted":
            head += f'<td rowspan="{spans["granted"]}"><p align="center">三、本年度办理结果</p></td>'
        labtext = lab[-1]
        if r in GROUP_HEAD:
            n = {"denied_state_secret": 8, "unavailable_not_held": 3, "unprocessed_petition": 5, "other_no_correction": 3}[r]
            head += f'<td rowspan="{n}"><p>{GROUP_HEAD[r]}</p></td><td><p>{labtext}</p></td>'
        elif r.startswith(("denied_", "unavailable_", "unprocessed_", "other_")) and r != "other":
            head += f"<td><p>{labtext}</p></td>"
        else:
            head += f'<td colspan="2"><p>{labtext}</p></td>'
        out.append(f"<tr>{head}{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def js_string(html, var="content"):
    """HTML held in a JavaScript string: escaped quotes, &nbsp; blanks."""
    esc = html.replace("\\", "\\\\").replace('"', '\\"')
    return f'var {var} = "{esc}";'


# ---------------------------------------------------------------- review table

class Review:
    """review, direct, after: (upheld, corrected, other, pending); totals computed."""

    def __init__(self, review=(0, 0, 0, 0), direct=(0, 0, 0, 0), after=(0, 0, 0, 0), zero="0"):
        self.parts = {"review": list(review) + [sum(review)],
                      "lit_direct": list(direct) + [sum(direct)],
                      "lit_after_review": list(after) + [sum(after)]}
        self.zero = zero

    def cells(self):
        out = []
        for g in ("review", "lit_direct", "lit_after_review"):
            for i, c in enumerate(["upheld", "corrected", "other", "pending", "total"]):
                v = self.parts[g][i]
                if v == 0 and self.zero in ("", "/"):
                    out.append(self.zero)
                else:
                    out.append(N(f"{g}.{c}", v))
        return out


REV_HEAD = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
            "未经复议直接起诉", "复议后起诉",
            "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
            "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def review_lines(rv, sep_line=None, trail=""):
    out = []
    for x in REV_HEAD + rv.cells():
        out.append(x + trail)
        if sep_line is not None:
            out.append(sep_line)
    return "\n".join(out)


def review_pipe(rv, md=False):
    c = rv.cells()
    rows = [["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
            ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3,
            c]
    out = []
    for i, r in enumerate(rows):
        out.append(("| " if md else "") + " | ".join(r) + " |")
        if md and i == 0:
            out.append("|" + "|".join(["---"] * 15) + "|")
    return "\n".join(out)


def review_tab(rv):
    c = rv.cells()
    rows = [["行政复议", "", "", "", "", "行政诉讼"],
            ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3, c]
    return "\n".join("\t".join(r) for r in rows)


def review_html(rv):
    c = rv.cells()
    h = ['<table border="1"><tbody>',
         '<tr><td colspan="5"><p align="center">行政复议</p></td><td colspan="10"><p align="center">行政诉讼</p></td></tr>',
         '<tr><td rowspan="2"><p>结果维持</p></td><td rowspan="2"><p>结果纠正</p></td><td rowspan="2"><p>其他结果</p></td>'
         '<td rowspan="2"><p>尚未审结</p></td><td rowspan="2"><p>总计</p></td>'
         '<td colspan="5"><p>未经复议直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr>',
         "<tr>" + "".join(f"<td><p>{x}</p></td>" for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>",
         "<tr>" + "".join(td(x) for x in c) + "</tr>",
         "</tbody></table>"]
    return "".join(h)


def review_glued(rv):
    """The 15 review cells as one digit run: a cell is labelled when every cut that keeps
    the three totals equal to their parts gives it the same value."""
    marked = rv.cells()
    raws = [strip_marks(x) for x in marked]
    digits = "".join(raws)
    def fits(p):
        return all(p[i + 4] == sum(p[i:i + 4]) for i in (0, 5, 10))
    good = [p for p in row_splits(digits, 15) if fits(p)]
    cells = [marked[i] if len({g[i] for g in good}) == 1 else raws[i] for i in range(15)]
    return "".join(REV_HEAD) + "".join(cells)


# ---------------------------------------------------------------- Article 20 tables

def z(v, zero="0"):
    return v


class Art21:
    def __init__(self, rules=(0, 0, 0), normative=(0, 0, 0), licensing=0, penalty=0, enforcement=0,
                 fees=0, blank=(), slash=()):
        self.v = {"rules": list(rules), "normative": list(normative), "licensing": [licensing],
                  "penalty": [penalty], "enforcement": [enforcement], "fees": [fees]}
        self.blank, self.slash = set(blank), set(slash)

    COLS = {"rules": ["issued", "repealed", "in_force"], "normative": ["issued", "repealed", "in_force"],
            "licensing": ["decisions"], "penalty": ["decisions"], "enforcement": ["decisions"], "fees": ["amount"]}

    def cell(self, row, i):
        key = f"{row}.{self.COLS[row][i]}"
        if key in self.blank:
            return ""
        if key in self.slash:
            return "/"
        v = self.v[row][i]
        if v is None:
            return ""
        return N(f"art20.{key}", v)

    def blocks(self):
        """(block heading, column headings, [(row label, row key)])"""
        return [
            ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             [("规章", "rules"), ("行政规范性文件", "normative")]),
            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", "licensing")]),
            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [("行政处罚", "penalty"), ("行政强制", "enforcement")]),
            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", "fees")]),
        ]


class Art19:
    """rules/normative: (made, published, public_total); licensing/other_services/penalty/
    enforcement: (prev_items, change, decisions); fees: (prev_items, change);
    procurement: (items, amount in 万元). amount_unit: '万元' (header), '元' (cell text),
    None (no unit anywhere: the amount is printed but not labelled unless it is 0)."""

    def __init__(self, rules=(0, 0, 0), normative=(0, 0, 0), licensing=(0, 0, 0), other_services=(0, 0, 0),
                 penalty=(0, 0, 0), enforcement=(0, 0, 0), fees=(0, 0), procurement=(0, 0),
                 amount_unit="万元", amount_disp=None, blank=(), other_services_rows=None):
        self.v = {"rules": list(rules), "normative": list(normative), "licensing": list(licensing),
                  "other_services": list(other_services), "penalty": list(penalty),
                  "enforcement": list(enforcement), "fees": list(fees), "procurement": list(procurement)}
        self.amount_unit, self.amount_disp = amount_unit, amount_disp
        self.blank = set(blank)

    COLS = {"rules": ["made", "published", "public_total"], "normative": ["made", "published", "public_total"],
            "licensing": ["prev_items", "change", "decisions"], "other_services": ["prev_items", "change", "decisions"],
            "penalty": ["prev_items", "change", "decisions"], "enforcement": ["prev_items", "change", "decisions"],
            "fees": ["prev_items", "change"], "procurement": ["items", "amount"]}

    def cell(self, row, i):
        key = f"{row}.{self.COLS[row][i]}"
        if key in self.blank:
            return ""
        v = self.v[row][i]
        if v is None:
            return ""
        if key.endswith(".change") and isinstance(v, int) and v > 0:
            return N(f"art20.{key}", v, f"+{v}")
        if key == "procurement.amount":
            if self.amount_disp is not None:
                if self.amount_unit is None and v != 0:
                    return self.amount_disp
                return N("art20.procurement.amount", v, self.amount_disp)
            if self.amount_unit is None and v != 0:
                return fmt(v)
        return N(f"art20.{key}", v)

    def blocks(self):
        amt = "采购总金额" + ("（万元）" if self.amount_unit == "万元" else "")
        return [
            ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
             [("规章", "rules"), ("规范性文件", "normative")]),
            ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
             [("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")]),
            ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
             [("行政处罚", "penalty"), ("行政强制", "enforcement")]),
            ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [("行政事业性收费", "fees")]),
            ("第二十条第（九）项", ["信息内容", "采购项目数量", amt], [("政府集中采购", "procurement")]),
        ]


def art_lines(a, sep_line=None, trail=""):
    out = []
    def put(x):
        out.append(x + trail)
        if sep_line is not None:
            out.append(sep_line)
    for head, cols, rows in a.blocks():
        put(head)
        for c in cols:
            put(c)
        for lab, key in rows:
            put(lab)
            for i in range(len(a.COLS[key])):
                put(a.cell(key, i))
    return "\n".join(out)


def art_pipe(a, md=False):
    out = []
    for head, cols, rows in a.blocks():
        w = len(cols)
        pre = "| " if md else ""
        out.append(pre + head + " |" + " |" * (w - 1) if not md else f"| {head} |" + " |" * (w - 1))
        if md:
            out.append("|" + "|".join(["---"] * w) + "|")
        out.append(pre + " | ".join(cols) + " |")
        for lab, key in rows:
            out.append(pre + " | ".join([lab] + [a.cell(key, i) for i in range(len(a.COLS[key]))]) + " |")
    return "\n".join(out)


def art_tab(a):
    out = []
    for head, cols, rows in a.blocks():
        out.append(head)
        out.append("\t".join(cols))
        for lab, key in rows:
            out.append("\t".join([lab] + [a.cell(key, i) for i in range(len(a.COLS[key]))]))
    return "\n".join(out)


def art_html(a):
    out = ['<table border="1" cellspacing="0"><tbody>']
    for head, cols, rows in a.blocks():
        out.append(f'<tr><td colspan="4"><p align="center">{head}</p></td></tr>')
        span = 4 - len(cols) + 1
        hc = "".join(f"<td><p align=\"center\">{c}</p></td>" for c in cols[:-1])
        hc += f'<td colspan="{span}"><p align="center">{cols[-1]}</p></td>' if span > 1 else f"<td><p align=\"center\">{cols[-1]}</p></td>"
        out.append(f"<tr>{hc}</tr>")
        for lab, key in rows:
            n = len(a.COLS[key])
            cs = [td(a.cell(key, i)) for i in range(n)]
            if span > 1:
                last = a.cell(key, n - 1)
                cs[-1] = td(last, f' colspan="{span}"')
            out.append(f"<tr><td><p>{lab}</p></td>{''.join(cs)}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def art_glued(a):
    """Each row glued to its label ("规章000"); cells labelled only when the cut is unique."""
    out = []
    for head, cols, rows in a.blocks():
        out.append(head)
        out.append("".join(cols))
        for lab, key in rows:
            cells = [a.cell(key, i) for i in range(len(a.COLS[key]))]
            out.append(glued_cells(lab, cells))
    return "\n".join(out)


# ---------------------------------------------------------------- legacy tables

def legacy_rows_lines(rows, header, sep_line=None):
    """rows: [(label, unit, cell)] where cell is marked text or ''."""
    out = list(header)
    for r in rows:
        out.extend(r)
    if sep_line is None:
        return "\n".join(out)
    return ("\n" + sep_line + "\n").join(out)


# ---------------------------------------------------------------- traditional mirrors

import subprocess


def to_trad(text, cfg="s2tw.json"):
    p = subprocess.run(["opencc", "-c", cfg], input=text.encode("utf-8"), capture_output=True, check=True)
    return p.stdout.decode("utf-8")


PINYIN = {"報": "bào", "簡": "jiǎn", "據": "jù", "數": "shù", "統": "tǒng", "計": "jì", "區": "qū",
          "縣": "xiàn", "級": "jí", "鎮": "zhèn", "務": "wù", "現": "xiàn", "實": "shí", "進": "jìn",
          "發": "fā", "規": "guī", "範": "fàn", "會": "huì", "處": "chù", "辦": "bàn", "號": "hào",
          "請": "qǐng", "於": "yú", "條": "tiáo", "訴": "sù", "議": "yì", "復": "fù", "關": "guān",
          "為": "wèi", "項": "xiàng", "積": "jī", "極": "jí", "網": "wǎng", "費": "fèi", "減": "jiǎn",
          "強": "qiáng", "動": "dòng", "訂": "dìng", "閱": "yuè", "導": "dǎo", "應": "yīng", "環": "huán",
          "問": "wèn", "題": "tí", "沒": "méi", "將": "jiāng", "與": "yǔ", "經": "jīng", "濟": "jì",
          "類": "lèi", "總": "zǒng", "結": "jié", "職": "zhí", "責": "zé", "編": "biān", "製": "zhì",
          "確": "què", "轉": "zhuǎn", "臺": "tái", "執": "zhí", "審": "shěn", "參": "cān", "們": "men"}


def glue_pinyin(text, chars=None):
    keep = set(PINYIN) if chars is None else set(chars)
    return "".join(ch + (f"({PINYIN[ch]})" if ch in keep else "") for ch in text)


# ---------------------------------------------------------------- national 统计表 (2014–2018)

def national_rows(with_response=True):
    """(label, unit, key) of the national 政府信息公开情况统计表; key None: no metric."""
    r = [
        ("一、主动公开情况", "", None),
        ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "proactive.total"),
        ("其中：主动公开规范性文件数", "条", "legacy.normative_disclosed"),
        ("制发规范性文件总数", "件", "legacy.normative_issued"),
        ("（二）通过不同渠道和方式公开政府信息的情况", "", None),
        ("1.政府公报公开政府信息数", "条", "proactive.gazette"),
        ("2.政府网站公开政府信息数", "条", "proactive.website"),
        ("3.政务微博公开政府信息数", "条", "proactive.weibo"),
        ("4.政务微信公开政府信息数", "条", "proactive.wechat"),
        ("5.其他方式公开政府信息数", "条", "proactive.other_channels"),
    ]
    if with_response:
        r += [
            ("二、回应解读情况", "", None),
            ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "response.hot_topics"),
            ("（二）通过不同渠道和方式回应解读的情况", "", None),
            ("1.参加或举办新闻发布会总次数", "次", "response.press_conferences"),
            ("其中：主要负责同志参加新闻发布会次数", "次", "x.chief_press"),
            ("2.政府网站在线访谈次数", "次", "response.online_interviews"),
            ("其中：主要负责同志参加政府网站在线访谈次数", "次", "x.chief_interviews"),
            ("3.政策解读稿件发布数", "篇", "proactive.interpretations"),
            ("4.微博微信回应事件数", "次", "response.weibo_wechat"),
            ("5.其他方式回应事件数", "次", "x.other_response"),
        ]
    n = ["三", "四", "五", "六", "七", "八", "九"] if with_response else ["二", "三", "四", "五", "六", "七", "八"]
    r += [
        (f"{n[0]}、依申请公开情况", "", None),
        ("（一）收到申请数", "件", "apps_new.total"),
        ("1.当面申请数", "件", "apps_channel.in_person"),
        ("2.传真申请数", "件", "apps_channel.fax"),
        ("3.网络申请数", "件", "apps_channel.online"),
        ("4.信函申请数", "件", "apps_channel.mail"),
        ("（二）申请办结数", "件", "apps_closed.total"),
        ("1.按时办结数", "件", "apps_closed.on_time"),
        ("2.延期办结数", "件", "apps_closed.extended"),
        ("（三）申请答复数", "件", "outcome_total.total"),
        ("1.属于已主动公开范围数", "件", "reply.already_public"),
        ("2.同意公开答复数", "件", "granted.total"),
        ("3.同意部分公开答复数", "件", "partial.total"),
        ("4.不同意公开答复数", "件", "denied.total"),
        ("其中：涉及国家秘密", "件", "denied_state_secret.total"),
        ("涉及商业秘密", "件", "denied_commercial_secret.total"),
        ("涉及个人隐私", "件", "denied_privacy.total"),
        ("危及国家安全、公共安全、经济安全和社会稳定", "件", "denied_safety.total"),
        ("不是《条例》所指政府信息", "件", "denied_not_gov_info.total"),
        ("法律法规规定的其他情形", "件", "denied_law.total"),
        ("5.不属于本行政机关公开数", "件", "reply.not_this_agency"),
        ("6.申请信息不存在数", "件", "reply.not_exist"),
        ("7.告知作出更改补充数", "件", "reply.ask_amend"),
        ("8.告知通过其他途径办理数", "件", "reply.other_channel"),
        (f"{n[1]}、行政复议数量", "件", "review.total"),
        ("（一）维持具体行政行为数", "件", "review.upheld"),
        ("（二）被依法纠错数", "件", "review.corrected"),
        ("（三）其他情形数", "件", "review.other"),
        (f"{n[2]}、行政诉讼数量", "件", "litigation.total"),
        ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation.upheld"),
        ("（二）被依法纠错数", "件", "litigation.corrected"),
        ("（三）其他情形数", "件", "litigation.other"),
        (f"{n[3]}、举报投诉数量", "件", "complaints.total"),
        (f"{n[4]}、依申请公开信息收取的费用", "万元", "fees.collected"),
        (f"{n[5]}、机构建设和保障经费情况", "", None),
        ("（一）政府信息公开工作专门机构数", "个", "staff.units"),
        ("（二）设置政府信息公开查阅点数", "个", "staff.reading_points"),
        ("（三）从事政府信息公开工作人员数", "人", "staff.total"),
        ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "staff.fulltime"),
        ("2.兼职人员数", "人", "staff.parttime"),
        ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "budget.special"),
        (f"{n[6]}、政府信息公开会议和培训情况", "", None),
        ("（一）召开政府信息公开工作会议或专题会议数", "次", "meetings.total"),
        ("（二）举办各类培训班数", "次", "trainings.total"),
        ("（三）接受培训人员数", "人次", "trainees.total"),
    ]
    return r


def national_cells(values, with_response=True, zero="0"):
    """[(label, unit, printed cell)] for a national table; values {key: number}; keys not
    given print as 0 (or blank when zero is ''). x.* keys are printed but have no metric."""
    out = []
    for lab, unit, key in national_rows(with_response):
        if key is None:
            out.append((lab, unit, ""))
            continue
        v = values.get(key, 0)
        if v is None or (v == 0 and zero in ("", "/")):
            out.append((lab, unit, "" if v is None else zero))
        elif key.startswith("x."):
            out.append((lab, unit, fmt(v)))
        else:
            out.append((lab, unit, N(key, v)))
    return out


def national_lines(cells, head=("统计指标", "单位", "统计数"), sep_line=None):
    out = list(head)
    for lab, unit, c in cells:
        out += [lab, unit, c]
    return ("\n" if sep_line is None else "\n" + sep_line + "\n").join(out)


def national_pipe(cells, head=("统计指标", "单位", "统计数"), md=False):
    pre = "| " if md else ""
    out = [pre + " | ".join(head) + " |"]
    if md:
        out.append("|---|---|---|")
    for lab, unit, c in cells:
        out.append(pre + " | ".join([lab, unit, c]) + " |")
    return "\n".join(out)


def national_tab(cells, head=("统计指标", "单位", "统计数")):
    return "\n".join("\t".join(r) for r in [head] + [(a, b, c) for a, b, c in cells])


def national_html(cells, head=("统计指标", "单位", "统计数")):
    out = ['<table border="1" cellspacing="0"><tbody>', "<tr>" + "".join(f"<td><p align=\"center\">{h}</p></td>" for h in head) + "</tr>"]
    for lab, unit, c in cells:
        out.append(f"<tr><td><p>{lab}</p></td><td><p align=\"center\">{unit}</p></td>{td(c)}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def cut_before(s, sub, nth=1):
    """Insert CUT before the nth occurrence of sub (a copy that ends there)."""
    i = -1
    for _ in range(nth):
        i = s.index(sub, i + 1)
    return s[:i] + CUT + s[i:]


def cut_after(s, sub, nth=1):
    i = -1
    for _ in range(nth):
        i = s.index(sub, i + 1)
    j = i + len(sub)
    return s[:j] + CUT + s[j:]

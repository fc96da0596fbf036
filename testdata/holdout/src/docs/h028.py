from lib import N, Apps, Art21, Review

META = {
    "source": "http://www.tjhx.gov.cn/zwgk/bmxxgk/qscjgj/zfxxgknb/202401/t20240119_6514802.html",
    "agency": "天津市河西区市场监督管理局",
    "agency_aliases": ["河西区市场监管局", "天津市河西区市场监管局"],
    "year": 2023, "period": "year", "form": "table2021", "published": "2024-01-19",
}

art = Art21(rules=(0, 0, 0), normative=(0, 0, 0), licensing=9184, penalty=372, enforcement=46, fees=0)
apps = Apps("table2021", {
    "apps_new": [31, 4, 0, 0, 1, 2],
    "apps_carried_over": [2, 0, 0, 0, 0, 0],
    "granted": [8, 1, 0, 0, 0, 1],
    "partial": [2, 0, 0, 0, 0, 0],
    "denied_third_party": [3, 1, 0, 0, 0, 0],
    "denied_enforcement": [2, 0, 0, 0, 0, 0],
    "unavailable_not_held": [9, 1, 0, 0, 1, 0],
    "unprocessed_petition": [4, 0, 0, 0, 0, 0],
    "unprocessed_confirm": [1, 0, 0, 0, 0, 0],
    "other_no_correction": [2, 0, 0, 0, 0, 0],
    "other_misc": [1, 0, 0, 0, 0, 1],
    "apps_carried_forward": [1, 1, 0, 0, 0, 0],
})
rev = Review(review=(2, 0, 0, 1), direct=(0, 0, 0, 1))


def pdf_rows(rows, width=None):
    """PDF text layer: cells spaced out on one line."""
    return "\n".join("  ".join(r) for r in rows)


A = art
art_text = f"""第二十条第（一）项
信息内容   本年制发件数   本年废止件数   现行有效件数
规章   {A.cell("rules", 0)}   {A.cell("rules", 1)}   {A.cell("rules", 2)}
行政规范性文件   {A.cell("normative", 0)}   {A.cell("normative", 1)}   {A.cell("normative", 2)}
第二十条第（五）项
信息内容   本年处理决定数量
行政许可   {N("art20.licensing.decisions", 9184, "9 184")}
第二十条第（六）项
信息内容   本年处理决定数量
行政处罚   {A.cell("penalty", 0)}
行政强制   {A.cell("enforcement", 0)}
- 3 -
第二十条第（八）项
信息内容   本年收费金额（单位：万元）
行政事业性收费   {A.cell("fees", 0)}"""

t = apps
def r(key, label):
    return label + "   " + "   ".join(t.cell(key, c) for c in range(7))

apps_text = "\n".join([
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "自然人   法人或其他组织   总计",
    "商业 企业   科研 机构   社会公 益组织   法律服 务机构   其他",
    r("apps_new", "一、本年新收政府信息公开申请数量"),
    r("apps_carried_over", "二、上年结转政府信息公开申请数量"),
    "三、本 年度办 理结果",
    r("granted", "（一）予以公开"),
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "   ".join(t.cell("partial", c) for c in range(7)),
    "（三）不予 公开",
    r("denied_state_secret", "1.属于国家秘密"),
    r("denied_law", "2.其他法律行政法规禁止公开"),
    r("denied_safety", "3.危及“三安全一稳定”"),
    r("denied_third_party", "4.保护第三方合法权益"),
    r("denied_internal", "5.属于三类内部事务信息"),
    r("denied_process", "6.属于四类过程性信息"),
    r("denied_enforcement", "7.属于行政执法案卷"),
    r("denied_inquiry", "8.属于行政查询事项"),
    "- 4 -",
    "（四）无法 提供",
    r("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    r("unavailable_need_create", "2.没有现成信息需要另行制作"),
    r("unavailable_unclear", "3.补正后申请内容仍不明确"),
    "（五）不予 处理",
    r("unprocessed_petition", "1.信访举报投诉类申请"),
    r("unprocessed_repeat", "2.重复申请"),
    r("unprocessed_publication", "3.要求提供公开出版物"),
    r("unprocessed_mass", "4.无正当理由大量反复申请"),
    r("unprocessed_confirm", "5.要求行政机关确认或重新出具已获取信息"),
    "（六）其他 处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信",
    "息公开申请   " + "   ".join(t.cell("other_no_correction", c) for c in range(7)),
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理",
    "其政府信息公开申请   " + "   ".join(t.cell("other_no_fee", c) for c in range(7)),
    r("other_misc", "3.其他"),
    r("outcome_total", "（七）总计"),
    r("apps_carried_forward", "四、结转下年度继续办理"),
])

rv = rev.cells()
rev_text = "\n".join([
    "行政复议   行政诉讼",
    "结 果 维 持   结 果 纠 正   其 他 结 果   尚 未 审 结   总 计   未经复议直接起诉   复议后起诉",
    "结 果 维 持   结 果 纠 正   其 他 结 果   尚 未 审 结   总 计   结 果 维 持   结 果 纠 正   其 他 结 果   尚 未 审 结   总 计",
    "   ".join(rv),
])

SRC = f"""- 1 -
天津市河西区市场监督管理局 2023 年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》（以下简称《条 例》）要求编制，由河西区市场监管局编制。全文包括总体情况、主动 公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开 行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告 的事项。本报告所列数据统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。
一、总体情况
2023 年，河西区市场监管局坚持以习近平新时代中国特色社会主义思 想为指导，认真贯彻落实《条例》和市、区关于政务公开工作的部署， 围绕优化营商环境、食品药品安全监管、特种设备安全、知识产权保护 等重点工作，全面推进市场监管领域政务公开。
（一）主动公开。全年主动公开政府信息
{N("proactive.total", 2308, "2 308")} 条，其中区政府网站部门专栏公开 {N("proactive.website", 641)} 条，“河西市场监管” 微信公众号发布 {N("proactive.wechat", 1667, "1 667")} 条。全年办理各类市场主体登记 2.1 万户，
- 2 -
公示“双随机、一公开”抽查结果 58 批次。
（二）依申请公开。全年共收到政府信息公开申请 {N("apps_new.total", 38)} 件，上年 结转 {N("apps_carried_over.total", 2)} 件。办结的申请中，予以公开 {N("granted.total", 10)} 件，部分公开 {N("partial.total", 2)} 件，不予公开 {N("denied.total", 6)} 件（其中保护第三方合法权益 {N("denied_third_party.total", 4)} 件，属 于行政执法案卷 {N("denied_enforcement.total", 2)} 件），无法提供 {N("unavailable.total", 11)} 件，不予处理 {N("unprocessed.total", 5)} 件， 其他处理 {N("other.total", 4)} 件；结转下年度继续办理 {N("apps_carried_forward.total", 2)} 件。
（三）政府信息管理。规范行政处罚信息公示，严格执行公示期限 和撤下程序。
（四）平台建设。依托区政府网站集约化平台维护部门专栏。
（五）监督保障。将政务公开纳入局年度绩效考核。
二、主动公开政府信息情况
{art_text}
三、收到和处理政府信息公开申请情况
{apps_text}
- 5 -
四、政府信息公开行政复议、行政诉讼情况
{rev_text}
2023 年，我局因政府信息公开被申请行政复议 {N("review.total", 3)} 件，{N("review.upheld", 2)} 件维持，{N("review.pending", 1)} 件 尚未审结；被提起行政诉讼 {N("litigation.total", 1)} 件，系未经复议直接起诉，{N("litigation.pending", 1, "尚 未审结")}。
五、存在的主要问题及改进情况
一是部分依申请公开答复说理不够充分；二是行政处罚信息公示 的及时性有待提高。2024 年，我局将进一步规范答复文书，压实公示 责任。
六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
- 6 -
"""

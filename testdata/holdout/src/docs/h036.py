from lib import N, Apps, Art21, Review

META = {
    "source": "http://www.yanta.gov.cn/xxgk/zfxxgknb/bmnb/202601/t20260123_1873025.html",
    "agency": "西安市雁塔区卫生健康局",
    "year": 2025, "period": "year", "form": "table2021",
}

A = Art21(rules=(0, 0, 0), normative=(0, 0, 2), licensing=1247, penalty=58, enforcement=0, fees=0)
t = Apps("table2021", {
    "apps_new": [6, 1, 0, 0, 0, 0],
    "granted": [2, 0, 0, 0, 0, 0],
    "partial": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [2, 1, 0, 0, 0, 0],
    "other_no_correction": [1, 0, 0, 0, 0, 0],
})
rv = Review().cells()


def r(key, label, nl=False):
    cells = " ".join(t.cell(key, c) for c in range(7))
    return label + ("\n" if nl else " ") + cells


apps_text = "\n".join([
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    r("apps_new", "一、本年新收政府信息公开申请数量", nl=True),
    r("apps_carried_over", "二、上年结转政府信息公开申请数量", nl=True),
    "三、本年度办理结果",
    r("granted", "（一）予以公开"),
    r("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", nl=True),
    "（三）不予公开",
    r("denied_state_secret", "1.属于国家秘密"),
    r("denied_law", "2.其他法律行政法规禁止公开"),
    r("denied_safety", "3.危及“三安全一稳定”"),
    r("denied_third_party", "4.保护第三方合法权益"),
    "- 3 -",
    r("denied_internal", "5.属于三类内部事务信息"),
    r("denied_process", "6.属于四类过程性信息"),
    r("denied_enforcement", "7.属于行政执法案卷"),
    r("denied_inquiry", "8.属于行政查询事项"),
    "（四）无法提供",
    r("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    r("unavailable_need_create", "2.没有现成信息需要另行制作"),
    r("unavailable_unclear", "3.补正后申请内容仍不明确"),
    "（五）不予处理",
    r("unprocessed_petition", "1.信访举报投诉类申请"),
    r("unprocessed_repeat", "2.重复申请"),
    r("unprocessed_publication", "3.要求提供公开出版物"),
    r("unprocessed_mass", "4.无正当理由大量反复申请"),
    r("unprocessed_confirm", "5.要求行政机关确认或重新出具已获取信息", nl=True),
    "（六）其他处理",
    r("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", nl=True),
    r("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", nl=True),
    r("other_misc", "3.其他"),
    r("outcome_total", "（七）总计"),
    r("apps_carried_forward", "四、结转下年度继续办理", nl=True),
])

SRC = f"""一、总体情况
2025 年，雁塔区卫生健康局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，本报告所列数据统计期限自202511日起至20251231日止。围绕基层卫生健康服务能力提升、医疗卫生监督执法、公共卫生服务等重点工作，推进卫生健康领域政务公开。
（一）主动公开。全年通过雁塔区人民政府网站主动公开政府信息
{N("proactive.website", 143)} 条，通过“健康雁塔”微信公众号发布信息 {N("proactive.wechat", 1028, "1 028")} 条。按要求于2025630日前完成部门预算公开，于20251015日前完成部门决算公开。
- 1 -
（二）依申请公开。全年共收到政府信息公开申请 {N("apps_new.total", 7)} 件，均 在法定期限内办结。
（三）政府信息管理。规范医疗机构执业登记、医师执业注册等行政许可结果公示，全年作出行政许可决定
{N("art20.licensing.decisions", 1247, "1 247")} 件，作出行政处罚决定 {N("art20.penalty.decisions", 58)} 件。
（四）平台建设。优化区政府网站部门专栏，新增“医疗机构信息查询”栏目。
（五）监督保障。将政务公开工作纳入局机关科室和辖区社区卫生服务中心年度考核。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 {A.cell("rules", 0)} {A.cell("rules", 1)} {A.cell("rules", 2)}
行政规范性文件 {A.cell("normative", 0)} {A.cell("normative", 1)} {A.cell("normative", 2)}
第二十条第（五）项
信息内容 本年处理决定数量
行政许可
{A.cell("licensing", 0)}
- 2 -
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 {A.cell("penalty", 0)}
行政强制 {A.cell("enforcement", 0)}
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 {A.cell("fees", 0)}
三、收到和处理政府信息公开申请情况
{apps_text}
- 4 -
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果 维持 结果 纠正 其他 结果 尚未 审结 总计 未经复议直接起诉 复议后起诉
结果 维持 结果 纠正 其他 结果 尚未 审结 总计 结果 维持 结果 纠正 其他 结果 尚未 审结 总计
{" ".join(rv)}
五、存在的主要问题及改进情况
一是政策解读形式不够丰富；二是社区卫生服务中心信息公开水平不均衡。2026 年，我局将加强业务指导，推出图解、短视频等解读形式。
六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
- 5 -
西安市雁塔区卫生健康局
2026 年 1 月 20 日
"""

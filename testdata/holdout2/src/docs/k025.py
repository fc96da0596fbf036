from lib import N, Apps, Art21, Review, apps_lines, art_lines, review_lines

META = {
    "source": "http://fgw.xm.gov.cn/zwgk/ndbg/202401/P020240126391825.pdf",
    "agency": "厦门市发展和改革委员会",
    "agency_aliases": ["厦门市发改委"],
    "year": 2023, "period": "year", "form": "table2021", "published": "2024-01-26",
}

art = Art21(rules=(0, 0, 0), normative=(3, 2, 19), licensing=264, penalty=7, enforcement=0, fees=0)
apps = Apps("table2021", {
    "apps_new": [21, 9, 1, 0, 1, 0],
    "apps_carried_over": [1, 1, 0, 0, 0, 0],
    "granted": [6, 4, 1, 0, 0, 0],
    "partial": [3, 1, 0, 0, 0, 0],
    "denied_process": [2, 1, 0, 0, 0, 0],
    "unavailable_not_held": [8, 2, 0, 0, 1, 0],
    "unprocessed_repeat": [1, 0, 0, 0, 0, 0],
    "other_no_correction": [1, 0, 0, 0, 0, 0],
    "apps_carried_forward": [1, 2, 0, 0, 0, 0],
})
rev = Review(review=(1, 0, 0, 0), direct=(0, 1, 0, 0))

SRC = f"""厦门市发展和改革委员会2023年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》规定，现公布厦门市发展和改革委员会2023年政府信息公开工作年度报告，统计期限为2023年1月1日至12月31日。

一、总体情况
2023年，市发改委围绕重大项目建设、价格监管和营商环境优化，主动公开政府信息{N("proactive.total", 817)}条，其中政策解读{N("proactive.interpretations", 24)}篇。全年新收政府信息公开申请{N("apps_new.total", 32)}件，其中法人或其他组织申请11件。市12345政务服务便民热线转办价格类诉求3400余件，市价格认定中心完成涉案财物价格认定1286件，均不属于政府信息公开事项。
（一）主动公开。重点公开重大项目年度计划、政府定价目录和成本监审结论。
（二）依申请公开。推行答复前法律审核，全年未因答复超期被投诉。
（三）政府信息管理。动态更新政策文件库，清理规范性文件{N("art20.normative.in_force", 19)}件现行有效。
（四）平台建设。优化委门户网站“重点领域信息公开”专栏。
（五）监督保障。将政务公开纳入处室年度考评。

二、主动公开政府信息情况
{art_lines(art)}

三、收到和处理政府信息公开申请情况
{apps_lines(apps)}

四、政府信息公开行政复议、行政诉讼情况
{review_lines(rev)}

五、存在的主要问题及改进情况
解读材料可读性不够强。2024年将增加图解、问答式解读。

六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""

def POST(text):
    lines = text.split("\n")
    out = []
    page = 1
    for i, ln in enumerate(lines):
        out.append(ln)
        if i in (28, 95, 170):
            page += 1
            out.append(f"— {page - 1} —")
            out.append("厦门市发展和改革委员会2023年政府信息公开工作年度报告")
    return "\n".join(out)

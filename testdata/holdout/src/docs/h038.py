from lib import N, Apps, Art21, Review, apps_glued, art_glued, review_glued

META = {
    "source": "https://www.nmq.gov.cn/zwgk/bmxxgk/qscjgj/zfxxgknb/202601/t20260119_88432107.html",
    "agency": "贵阳市南明区市场监督管理局",
    "agency_aliases": ["南明区市场监管局", "贵阳市南明区市场监管局"],
    "year": 2025, "period": "year", "form": "table2021", "published": "2026-01-19",
}

art = Art21(rules=(0, 0, 0), normative=(0, 0, 0), licensing=21453, penalty=611, enforcement=27, fees=0)
apps = Apps("table2021", {
    "apps_new": [24, 3, 0, 0, 0, 1],
    "apps_carried_over": [1, 0, 0, 0, 0, 0],
    "granted": [7, 1, 0, 0, 0, 0],
    "partial": [2, 0, 0, 0, 0, 0],
    "denied_third_party": [3, 0, 0, 0, 0, 0],
    "denied_enforcement": [1, 1, 0, 0, 0, 0],
    "unavailable_not_held": [6, 1, 0, 0, 0, 1],
    "unprocessed_petition": [4, 0, 0, 0, 0, 0],
    "other_no_correction": [1, 0, 0, 0, 0, 0],
    "apps_carried_forward": [1, 0, 0, 0, 0, 0],
})
rev = Review(review=(1, 0, 0, 0))

SRC = f"""南明区市场监管局2025年政府信息公开工作年度报告
发布时间：2026-01-19　　来源：南明区市场监管局

本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。本报告所列数据统计期限为2025年1月1日至2025年12月31日。如对本报告有疑问，请与贵阳市南明区市场监督管理局办公室联系（电话：0851-85512315）。

一、总体情况

2025年，南明区市场监管局认真贯彻落实《条例》，围绕经营主体登记注册、食品安全、药品安全、特种设备安全、知识产权保护等重点工作，持续推进市场监管领域政务公开。

（一）主动公开。全年通过南明区人民政府门户网站主动公开政府信息{N("proactive.website", 512)}条，通过“南明市场监管”微信公众号发布信息{N("proactive.wechat", 1384)}条。

（二）依申请公开。全年共收到政府信息公开申请{N("apps_new.total", 28)}件，上年结转{N("apps_carried_over.total", 1)}件，办结{N("outcome_total.total", 28)}件，结转下年度{N("apps_carried_forward.total", 1)}件。

（三）政府信息管理。规范行政处罚信息公示，落实信用修复后相关信息撤下机制。

（四）平台建设。依托区政府门户网站做好部门专栏日常维护。

（五）监督保障。将政务公开纳入局年度目标考核。

二、主动公开政府信息情况

{art_glued(art)}

三、收到和处理政府信息公开申请情况

{apps_glued(apps)}

四、政府信息公开行政复议、行政诉讼情况

{review_glued(rev)}

五、存在的主要问题及改进情况

一是部分基层市场监管所信息报送不够及时；二是依申请公开答复说理有待加强。2026年，我局将强化业务培训，提升答复质量。

六、其他需要报告的事项

本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""

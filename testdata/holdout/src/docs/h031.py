from lib import N, Apps, Art21, Review, apps_pipe, art_pipe, review_pipe

META = {
    "source": "http://www.shenhe.gov.cn/zwgk/fdzdgknr/zfxxgknb/bmnb/202501/t20250122_4772015.html",
    "agency": "沈阳市和平区教育局",
    "year": 2024, "period": "year", "form": "table2021", "published": "2025-01-22",
}

art = Art21(rules=(0, 0, 0), normative=(2, 1, 11), licensing=27, penalty=0, enforcement=0, fees=0)
apps = Apps("table2021", {
    "apps_new": [9, 0, 0, 0, 1, 0],
    "granted": [3, 0, 0, 0, 0, 0],
    "partial": [1, 0, 0, 0, 0, 0],
    "denied_process": [1, 0, 0, 0, 0, 0],
    "unavailable_not_held": [2, 0, 0, 0, 1, 0],
    "unprocessed_petition": [1, 0, 0, 0, 0, 0],
    "other_misc": [1, 0, 0, 0, 0, 0],
})
rev = Review()

SRC = f"""沈阳市和平区教育局2024年政府信息公开工作年度报告
发布时间：2025-01-22　　来源：和平区教育局　　浏览次数：

本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。本报告所列数据统计期限为2024年1月1日至2024年12月31日。本报告电子版可在沈阳市和平区人民政府网站下载。如对本报告有疑问，请与和平区教育局办公室联系（电话：024-22814523）。

一、总体情况

2024年，和平区教育局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，认真落实《条例》要求，围绕义务教育招生入学、“双减”政策落实、校外培训机构监管、教育经费使用等群众关注事项，持续推进教育领域政务公开。

（一）主动公开。全年主动公开政府信息{N("proactive.total", 1583)}条，其中区政府网站发布{N("proactive.website", 204)}条，“和平教育”微信公众号发布{N("proactive.wechat", 1026)}条，通过其他方式公开政府信息353条。本年制发行政规范性文件{N("art20.normative.issued", 2)}件，废止{N("art20.normative.repealed", 1)}件，现行有效{N("art20.normative.in_force", 11)}件。全年审批校外培训机构办学许可等行政许可事项{N("art20.licensing.decisions", 27)}件。

（二）依申请公开。全年共收到政府信息公开申请{N("apps_new.total", 10)}件，无上年结转申请，均已在法定期限内办结。

（三）政府信息管理。建立义务教育招生政策发布前合法性审查和解读同步机制。

（四）平台建设。整合全区各中小学微信公众号，建立“和平教育”新媒体矩阵。

（五）监督保障。将政务公开工作纳入局机关科室和直属学校年度考核。

二、主动公开政府信息情况

{art_pipe(art, md=True)}

三、收到和处理政府信息公开申请情况

{apps_pipe(apps, md=True, pad=True)}

四、政府信息公开行政复议、行政诉讼情况

{review_pipe(rev, md=True)}

五、存在的主要问题及改进情况

一是政策解读的通俗性有待加强；二是直属学校信息公开工作水平参差不齐。2025年，我局将加强对直属学校的业务指导，推出更多图解、短视频解读产品。

六、其他需要报告的事项

本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""

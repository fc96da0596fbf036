from lib import N, Apps, Art21, Review, apps_html, art_html, review_html

META = {
    "source": "http://www.xjtsq.gov.cn/xjtsq/c112733/202401/3d5f8a2e0b7c4e61a9d2f4c81e6b7a35.shtml",
    "agency": "乌鲁木齐市天山区人民政府",
    "year": 2023, "period": "year", "form": "table2021", "published": "2024-01-26",
}

art = Art21(rules=(0, 0, 0), normative=(4, 2, 31), licensing=18736, penalty=9421, enforcement=212, fees=1563.27,
            slash=("rules.issued", "rules.repealed", "rules.in_force"))
apps = Apps("table2021", {
    "apps_new": [79, 6, 0, 0, 2, 0],
    "apps_carried_over": [4, 1, 0, 0, 0, 0],
    "granted": [21, 2, 0, 0, 1, 0],
    "partial": [6, 0, 0, 0, 0, 0],
    "denied_state_secret": [1, 0, 0, 0, 0, 0],
    "denied_internal": [2, 0, 0, 0, 0, 0],
    "denied_process": [3, 1, 0, 0, 0, 0],
    "denied_inquiry": [2, 0, 0, 0, 0, 0],
    "unavailable_not_held": [27, 2, 0, 0, 0, 0],
    "unavailable_need_create": [3, 0, 0, 0, 0, 0],
    "unavailable_unclear": [2, 0, 0, 0, 0, 0],
    "unprocessed_petition": [4, 0, 0, 0, 0, 0],
    "unprocessed_repeat": [3, 0, 0, 0, 0, 0],
    "other_no_correction": [2, 0, 0, 0, 0, 0],
    "other_misc": [3, 1, 0, 0, 0, 0],
    "apps_carried_forward": [4, 1, 0, 0, 1, 0],
})
rev = Review(review=(3, 1, 0, 1), direct=(2, 0, 1, 1), after=(1, 0, 0, 0))

SRC = f"""乌鲁木齐市天山区人民政府2023年政府信息公开工作年度报告
发布时间：2024-01-26　　来源：天山区人民政府办公室

依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定，编制本报告。本报告所列数据统计期限为2023年1月1日至2023年12月31日。本报告电子版可在天山区人民政府门户网站（www.xjtsq.gov.cn）下载。如对本报告有疑问，请与天山区人民政府办公室联系（电话：0991-2823151）。

一、总体情况

2023年，天山区坚持以习近平新时代中国特色社会主义思想为指导，完整准确全面贯彻新时代党的治疆方略，认真落实《条例》和自治区、乌鲁木齐市关于政务公开工作的部署要求，以公开促落实、促规范、促服务，全区政务公开工作质效持续提升。

（一）主动公开。全区各单位共主动公开政府信息15372条，其中区政府本级主动公开政府信息{N("proactive.total", 4280)}条。区政府门户网站发布信息{N("proactive.website", 2961)}条，“天山发布”政务微信发布信息{N("proactive.wechat", 1032)}条，“天山发布”今日头条号、抖音号、视频号、客户端等新媒体平台发布信息{N("proactive.new_media", 5264)}条。全年召开新闻发布会{N("response.press_conferences", 9)}场，发布政策解读{N("proactive.interpretations", 64)}篇。

（二）依申请公开。全区共收到政府信息公开申请612件，其中区政府本级收到{N("apps_new.total", 87)}件，上年结转{N("apps_carried_over.total", 5)}件，办结{N("outcome_total.total", 86)}件，结转下年度继续办理{N("apps_carried_forward.total", 6)}件。申请主要集中在房屋征收、棚户区改造、规划审批、社会保障等方面。

（三）政府信息管理。全面推行公文公开属性源头认定，区政府及区政府办公室全年制发公文公开属性认定率达100%；完成现行有效行政规范性文件清理，集中公开现行有效行政规范性文件31件。

（四）平台建设。推进区政府门户网站集约化建设，整合区属部门和街道网站栏目；规范政务新媒体管理，关停整合“僵尸号”“空壳号”11个。

（五）监督保障。将政务公开工作纳入全区绩效考核，开展政务公开第三方评估，印发整改通报2期。

二、主动公开政府信息情况

{art_html(art)}

三、收到和处理政府信息公开申请情况

{apps_html(apps)}

四、政府信息公开行政复议、行政诉讼情况

{review_html(rev)}

五、存在的主要问题及改进情况

一是部分单位政策解读质量不高，存在简单摘抄政策原文的情况；二是依申请公开答复的规范性仍需提升，全年有1件行政复议案件被纠错；三是基层政务公开专区作用发挥不充分。2024年，天山区将强化政策解读审核，建立依申请公开疑难案件会商机制，推动基层政务公开专区提质增效。

六、其他需要报告的事项

2023年，区政府本级{N("fees.info_processing", 0, "未收取")}信息处理费。
"""

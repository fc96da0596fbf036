from lib import N, Apps, Art21, Review, apps_lines, art_tab, review_tab

META = {
    "source": "https://www.forestry.gov.cn/c/www/zfxxgknb/585126.jhtml",
    "agency": "国家林业和草原局",
    "year": 2024, "period": "year", "form": "table2021", "published": "2025-01-24",
}

art = Art21(rules=(2, 1, 47), normative=(6, 3, 41), licensing=5126, penalty=18, enforcement=0, fees=0,
            slash=("fees.amount",))
apps = Apps("table2021", {
    "apps_new": [1168, 64, 3, 5, 29, 7],
    "apps_carried_over": [71, 4, 0, 0, 2, 0],
    "granted": [402, 31, 2, 2, 11, 3],
    "partial": [88, 6, 0, 0, 3, 0],
    "denied_state_secret": [9, 0, 0, 0, 0, 0],
    "denied_law": [3, 0, 0, 0, 0, 0],
    "denied_safety": [1, 0, 0, 0, 0, 0],
    "denied_third_party": [26, 2, 0, 0, 0, 0],
    "denied_internal": [14, 0, 0, 0, 0, 0],
    "denied_process": [31, 3, 0, 0, 1, 0],
    "denied_enforcement": [12, 0, 0, 0, 0, 0],
    "denied_inquiry": [7, 0, 0, 0, 0, 0],
    "unavailable_not_held": [331, 14, 1, 2, 8, 2],
    "unavailable_need_create": [58, 3, 0, 0, 2, 0],
    "unavailable_unclear": [24, 1, 0, 0, 0, 0],
    "unprocessed_petition": [47, 1, 0, 0, 0, 0],
    "unprocessed_repeat": [36, 2, 0, 0, 1, 0],
    "unprocessed_publication": [4, 0, 0, 0, 0, 0],
    "unprocessed_mass": [22, 0, 0, 0, 0, 0],
    "unprocessed_confirm": [3, 0, 0, 0, 0, 0],
    "other_no_correction": [41, 2, 0, 1, 1, 0],
    "other_misc": [27, 1, 0, 0, 1, 1],
    "apps_carried_forward": [53, 2, 0, 0, 3, 1],
})
rev = Review(review=(11, 2, 1, 4), direct=(5, 0, 1, 3), after=(2, 0, 0, 1))

SRC = f"""国家林业和草原局2024年政府信息公开工作年度报告
发布时间：2025-01-24　　来源：办公室

根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，编制本报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。本报告电子版可在国家林业和草原局政府网（www.forestry.gov.cn）查阅或下载。如对本报告有疑问，请与国家林业和草原局办公室联系（地址：北京市东城区和平里东街18号，邮编：100714）。

一、总体情况

2024年，国家林业和草原局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平生态文明思想，认真落实党中央、国务院关于全面推进政务公开的决策部署，紧紧围绕林草中心工作，依法依规做好政府信息公开工作，为推进林草事业高质量发展营造了良好氛围。

（一）主动公开。全年通过国家林业和草原局政府网（中国林业网）发布各类信息{N("proactive.website", 12764)}条，“国家林草局”政务微博发布信息{N("proactive.weibo", 2318)}条，政务微信发布信息{N("proactive.wechat", 1462)}条，政务微博粉丝总数800余万。全年制发部门规章{N("art20.rules.issued", 2)}件、废止{N("art20.rules.repealed", 1)}件，现行有效部门规章{N("art20.rules.in_force", 47)}件；制发行政规范性文件{N("art20.normative.issued", 6)}件。组织召开新闻发布会{N("response.press_conferences", 16)}场，发布政策解读{N("proactive.interpretations", 53)}篇。全年完成国土绿化任务1.2亿亩，受理行政许可申请5300余件。

（二）依申请公开。全年新收政府信息公开申请{N("apps_new.total", 1276)}件，上年结转{N("apps_carried_over.total", 77)}件；办结{N("outcome_total.total", 1294)}件，结转下年度继续办理{N("apps_carried_forward.total", 59)}件。办结的申请中，予以公开{N("granted.total", 451)}件，部分公开{N("partial.total", 97)}件，不予公开{N("denied.total", 109)}件，无法提供{N("unavailable.total", 446)}件，不予处理{N("unprocessed.total", 116)}件，其他处理{N("other.total", 75)}件。予以公开和部分公开的占42.3%，较上年提高3.1个百分点。

（三）政府信息管理。严格落实公文公开属性源头认定，完成部门规章和行政规范性文件集中清理，在政府网集中公布现行有效部门规章目录。

（四）平台建设。完成政府网适老化和无障碍改造，优化“政策文件库”检索功能；规范政务新媒体运维，全局系统保留政务新媒体账号27个。

（五）监督保障。将政务公开纳入司局和直属单位年度绩效考核，组织全系统政务公开业务培训。

二、主动公开政府信息情况

{art_tab(art)}

三、收到和处理政府信息公开申请情况

{apps_lines(apps)}

四、政府信息公开行政复议、行政诉讼情况

{review_tab(rev)}

2024年，我局因政府信息公开被申请行政复议{N("review.total", 18)}件（含上一年度结转3件），已审结的案件中维持{N("review.upheld", 11)}件、纠正{N("review.corrected", 2)}件、其他结果{N("review.other", 1)}件，尚未审结{N("review.pending", 4)}件；被提起行政诉讼{N("litigation.total", 12)}件，其中未经复议直接起诉{N("lit_direct.total", 9)}件，复议后起诉{N("lit_after_review.total", 3)}件。

五、存在的主要问题及改进情况

一是政策解读的精准性和可及性还需提升；二是依申请公开办理中，涉及历史档案信息的申请查找难度大，答复周期较长；三是基层林草部门政务公开工作指导还不够。2025年，我局将健全政策解读与文件起草同步机制，推进林草档案数字化，加强对地方林草主管部门政务公开工作的业务指导。

六、其他需要报告的事项

本年度{N("fees.info_processing", 0, "未收取")}信息处理费。
"""

from lib import N, Apps, Art21, Review, apps_lines, art_lines, review_lines

META = {
    "source": "http://www.cdwh.gov.cn/wuhou/c149367/2024-01/30/content_8f21a7.shtml",
    "agency": "成都市武侯区人民政府",
    "year": 2023, "period": "year", "form": "table2021", "published": "2024-01-30",
}

art = Art21(rules=(0, 0, 0), normative=(2, 1, 14), licensing=3861, penalty=1207, enforcement=18, fees=0)
apps = Apps("table2021", {
    "apps_new": [118, 21, 0, 1, 3, 0],
    "apps_carried_over": [6, 1, 0, 0, 0, 0],
    "granted": [31, 6, 0, 0, 1, 0],
    "partial": [14, 3, 0, 0, 0, 0],
    "denied_third_party": [2, 0, 0, 0, 0, 0],
    "denied_process": [3, 1, 0, 0, 0, 0],
    "unavailable_not_held": [46, 8, 0, 1, 1, 0],
    "unavailable_need_create": [4, 0, 0, 0, 0, 0],
    "unprocessed_petition": [5, 0, 0, 0, 0, 0],
    "unprocessed_repeat": [7, 1, 0, 0, 0, 0],
    "other_misc": [3, 1, 0, 0, 0, 0],
    "apps_carried_forward": [9, 2, 0, 0, 1, 0],
})
rev = Review(review=(4, 1, 0, 1), direct=(2, 0, 1, 1), after=(1, 0, 0, 0))

SRC = f"""成都市武侯区人民政府2023年政府信息公开工作年度报告
来源：武侯区政务服务管理和网络理政办公室　发布时间：2024-01-30 09:12

本报告依据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的年度报告格式编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。统计期限为2023年1月1日至12月31日。

一、总体情况
2023年，武侯区坚持以公开促落实、促规范、促服务，围绕“公园城市示范区”建设和优化营商环境，持续深化决策、执行、管理、服务、结果公开。
（一）主动公开。区政府门户网站全年发布政府信息{N("proactive.website", 6318)}条，“成都武侯”微信公众号推送{N("proactive.wechat", 1472)}条，发布政策解读{N("proactive.interpretations", 87)}篇。全区各部门、各街道合计通过政务新媒体发布信息2.9万余条，其中区卫健局1106条、区教育局2380条。
（二）依申请公开。区政府本级全年新收政府信息公开申请{N("apps_new.total", 143)}件，较上年增长11.6%，其中自然人申请{N("apps_new.person", 118)}件，主要涉及房屋征收、规划许可和社会保障。全区各部门、各街道共收到申请627件。
（三）政府信息管理。开展规范性文件清理，废止{N("art20.normative.repealed", 1)}件，现行有效{N("art20.normative.in_force", 14)}件。
（四）平台建设。完成区政府网站集约化迁移，对13个街道的政务公开专区进行改版。
（五）监督保障。组织业务培训{N("trainings.total", 4)}次，参训人员{N("trainees.total", 310)}人次，12345热线转办政务公开类诉求56件均已办结。

二、主动公开政府信息情况
{art_lines(art)}

三、收到和处理政府信息公开申请情况
{apps_lines(apps)}

四、政府信息公开行政复议、行政诉讼情况
{review_lines(rev)}

五、存在的主要问题及改进情况
上一年度报告中提出的政策解读形式单一问题，本年度通过图解、短视频等方式予以改进。当前仍存在部分街道公开栏目更新不及时、依申请答复文书说理不够充分等问题。2024年将开展答复文书质量评查，建立栏目更新提醒机制。

六、其他需要报告的事项
本年度{N("fees.info_processing", 0, "未收取")}信息处理费。人大代表建议和政协提案办理结果已按规定全文公开。
"""

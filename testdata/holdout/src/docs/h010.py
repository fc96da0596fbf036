from lib import N, national_cells, national_tab

META = {
    "source": "http://www.zyhhg.gov.cn/zwgk/xxgkml/bmxxgk/hbj/xxgknb/201901/t20190122_37719061.html",
    "agency": "遵义市红花岗区环境保护局",
    "year": 2018, "period": "year", "form": "legacy", "published": "2019-01-22",
}

vals = {
    "proactive.total": 214, "legacy.normative_disclosed": 2, "legacy.normative_issued": 0,
    "proactive.gazette": 0, "proactive.website": 168, "proactive.weibo": 0, "proactive.wechat": 46,
    "proactive.other_channels": 0,
    "response.hot_topics": 3, "response.press_conferences": 2, "x.chief_press": 1,
    "response.online_interviews": 1, "x.chief_interviews": 1, "proactive.interpretations": 2,
    "response.weibo_wechat": 0, "x.other_response": 0,
    "apps_new.total": 5, "apps_channel.in_person": 1, "apps_channel.fax": 0, "apps_channel.online": 3,
    "apps_channel.mail": 1, "apps_closed.total": 5, "apps_closed.on_time": 5, "apps_closed.extended": 0,
    "outcome_total.total": 5, "reply.already_public": 1, "granted.total": 2, "partial.total": 0,
    "denied.total": 1, "denied_commercial_secret.total": 1, "reply.not_this_agency": 1,
    "staff.units": 1, "staff.reading_points": 1, "staff.total": 2, "staff.fulltime": 0, "staff.parttime": 2,
    "budget.special": 0, "meetings.total": 1, "trainings.total": 1, "trainees.total": 15,
}
table = national_tab(national_cells(vals), head=("统计指标", "单位", "统计数"))

SRC = f"""当前位置：首页 > 政务公开 > 部门信息公开 > 区环境保护局 > 政府信息公开年报
红花岗区环境保护局政府信息公开工作年度报告
发布时间：2019-01-22 16:08　　来源：区环境保护局　　阅读次数：

根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《贵州省政府信息公开暂行规定》要求，现公布遵义市红花岗区环境保护局本年度政府信息公开工作年度报告。本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼情况、存在的主要问题及改进措施以及政府信息公开情况统计表组成。本报告中所列数据的统计期限自1月1日起至12月31日止。

一、概述

本年度，我局认真贯彻落实《条例》和省、市、区关于政务公开工作的部署，紧紧围绕打好污染防治攻坚战，大力推进环境质量、污染源监管、建设项目环评审批、环境行政处罚等重点领域信息公开，切实保障人民群众的环境知情权、参与权和监督权。局办公室为政府信息公开工作机构，配备兼职工作人员2名。

二、主动公开政府信息情况

本年度，我局共主动公开政府信息{N("proactive.total", 214)}条，其中在红花岗区人民政府门户网站公开{N("proactive.website", 168)}条，通过“红花岗环保”微信公众号公开{N("proactive.wechat", 46)}条。重点公开了以下内容：一是空气质量和集中式饮用水水源地水质状况；二是建设项目环境影响评价受理、拟审批和审批结果公示；三是环境行政处罚决定；四是中央环保督察反馈问题整改落实情况。全年共作出建设项目环评审批决定63件、环境行政处罚决定29件，均已依法公开。

针对群众关注的垃圾焚烧发电项目和餐饮油烟扰民问题，我局通过新闻发布会、网站在线访谈等方式回应社会关切，全年参加或举办新闻发布会{N("response.press_conferences", 2)}次，开展在线访谈{N("response.online_interviews", 1)}次。

三、依申请公开政府信息情况

本年度，我局共收到政府信息公开申请{N("apps_new.total", 5)}件，均在规定期限内办结。其中，属于已主动公开范围的{N("reply.already_public", 1)}件，同意公开{N("granted.total", 2)}件，不同意公开{N("denied.total", 1)}件（涉及商业秘密），不属于本机关公开的{N("reply.not_this_agency", 1)}件。

四、政府信息公开的收费及减免情况

本年度，我局依申请公开政府信息{N("fees.collected", 0, "未收取")}任何费用。

五、因政府信息公开申请行政复议和提起行政诉讼情况

本年度，我局{N(["review.total", "litigation.total"], 0, "未发生")}因政府信息公开申请行政复议和提起行政诉讼的情况。

六、存在的主要问题及改进措施

一是政策解读形式较为单一，图解、视频解读较少；二是基层环境监管信息公开还不够全面。明年，我局将结合机构改革，进一步理顺政府信息公开工作机制，丰富政策解读形式，加大生态环境领域信息公开力度。

附件：政府信息公开情况统计表

{table}
"""

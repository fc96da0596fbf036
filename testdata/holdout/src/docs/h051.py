from lib import N, national_cells, national_pipe

META = {
    "source": "http://www.jinghu.gov.cn/openness/detail/content/54d3f1a27f8b9a1c3e8b4567.html",
    "agency": "芜湖市镜湖区民政局",
    "year": 2014, "period": "year", "form": "legacy", "published": "2015-01-30",
}

vals = {
    "proactive.total": 263, "legacy.normative_disclosed": 1, "legacy.normative_issued": 1,
    "proactive.website": 198, "proactive.wechat": 65,
    "apps_new.total": 3, "apps_channel.in_person": 2, "apps_channel.online": 1,
    "apps_closed.total": 3, "apps_closed.on_time": 3,
    "outcome_total.total": 3, "granted.total": 2, "reply.not_exist": 1,
    "staff.units": 1, "staff.reading_points": 1, "staff.total": 2, "staff.fulltime": 1, "staff.parttime": 1,
    "meetings.total": 1, "trainings.total": 1, "trainees.total": 8,
}
table = national_pipe(national_cells(vals, with_response=False), head=("统计指标", "单位", "统计数"))

SRC = f"""镜湖区民政局2014年政府信息公开工作年度报告
信息来源：镜湖区民政局　　发布时间：2015-01-30　　浏览次数：

依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《安徽省政府信息公开办法》，现公布芜湖市镜湖区民政局2014年度政府信息公开工作年度报告。本报告经镜湖区政府信息公开领导小组办公室审核。本报告所列数据统计期限自2014年1月1日起至2014年12月31日止。如对本报告有疑问，请与镜湖区政务公开办公室联系（电话：0553-3836120）。

一、概述

2014年，我局在区政务公开办和芜湖市民政局的指导下，认真贯彻落实《条例》，围绕城乡低保、社会救助、养老服务、社区建设、优抚安置等民政业务，积极推进政府信息公开。全年召开政府信息公开工作会议1次，举办培训班1期，参训人员8人次。

二、主动公开政府信息情况

2014年，我局共主动公开政府信息{N("proactive.total", 263)}条，其中通过镜湖区政府信息公开网公开{N("proactive.website", 198)}条，通过“镜湖民政”微信公众号公开{N("proactive.wechat", 65)}条。全区享受城乡低保3127户5218人，发放低保金2463.7万元，低保对象名单按季度在社区公示。

三、依申请公开政府信息情况

2014年，我局共收到政府信息公开申请{N("apps_new.total", 3)}件，全部按时办结，其中同意公开{N("granted.total", 2)}件，申请信息不存在{N("reply.not_exist", 1)}件。

四、政府信息公开的收费及减免情况

2014年，我局{N("fees.collected", 0, "未收取")}政府信息公开相关费用。

五、因政府信息公开申请行政复议、提起行政诉讼情况

2014年，我局{N(["review.total", "litigation.total"], 0, "未发生")}因政府信息公开引起的行政复议和行政诉讼。

六、存在的主要问题和改进措施

一是信息公开的及时性有待提高；二是政策解读工作需要加强。2015年，我局将进一步规范信息发布流程，加强民政政策解读。

附件：政府信息公开情况统计表

{table}
"""

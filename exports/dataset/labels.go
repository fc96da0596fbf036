package dataset

import "strings"

// This file is the one place where the dataset names its columns and codes
// in Chinese. It holds what the shared labels table (queries/labels, being
// written on another branch) does not have yet: the headers of query
// columns, their types and descriptions, and the words for the codes the
// dictionary explains. When that table lands these move into it.

// column describes one column of a file of the dataset.
type column struct {
	name string // the code: the query's and the Parquet file's column name
	typ  string // Frictionless type: string, integer, number, boolean, date, datetime
	desc string // what it holds, in Chinese
}

// title is the Chinese header of the column in the CSV and xlsx files.
func (c column) title() string { return Header(c.name) }

// headers are the Chinese headers of every column a named query returns,
// for CSV downloads of any query result (Header). The columns of the
// dataset's own files must be here; a test holds every named query's
// columns to having one.
var headers = map[string]string{
	// agencies and reports
	"agency_id": "机关编号", "agency": "机关", "agency_aliases": "机关其他名称", "division_code": "行政区划代码",
	"level": "层级", "province": "省份", "city": "城市", "agency_kind": "机关类型", "agency_no": "机关序号",
	"n_agencies": "机关数", "year": "年度", "period": "期间", "form": "报告格式", "report_id": "报告编号",
	"published": "发布日期", "n_figures": "数字个数", "n_reports": "报告数", "preferred": "采用",
	"current": "当前版本", "format": "文件格式", "encoding": "编码", "size": "文件大小（字节）",
	"file": "文件名", "path": "文件路径", "parser_version": "解析器版本", "ingested_at": "入库时间",
	// figures
	"metric": "指标代码", "metric_no": "指标序号", "label": "指标", "unit": "单位", "value": "数值",
	"value_kind": "数值类型", "kind": "数值类型", "approx": "约数", "mapped": "口径映射",
	"confidence": "可信程度", "source_keys": "来源指标", "source": "原文", "key": "原始指标代码",
	"tbl": "表格", "row_label": "行", "col_label": "列", "provenance": "原文摘录", "rule": "规则",
	"start_offset": "原文起始位置", "end_offset": "原文结束位置", "cells": "单元格数", "n": "个数",
	// the crosswalk
	"step": "取数顺序", "era": "适用时期", "modern_source": "2019 年起的来源指标",
	"legacy_source": "2019 年前的来源指标", "note": "说明", "crosses_break": "跨越表式变更",
	// checks and quality
	"scope": "范围", "status": "结果", "expected": "应为", "actual": "实为", "ok": "通过",
	"detail": "详情", "prev_id": "上年报告编号",
	"checks_total": "核验项数", "checks_pass": "通过项数", "checks_fail": "未通过项数",
	"checks_na": "无法核验项数", "pass_share": "通过比例", "blank_share": "空白比例", "trust_score": "可信度",
	// change over time, rates, peers
	"prev_year": "上一报告年度", "prev_value": "上一报告年度数值", "abs_change": "变化量", "pct_change": "变化率",
	"gap": "间隔年数", "first_year": "首个报告年度", "first_value": "首个报告年度数值", "span_years": "跨越年数",
	"cagr": "年均增长率", "rate": "比率", "numerator": "分子", "denominator": "分母",
	"peer_group": "同类组", "rank": "排名", "peer_rank": "同类排名", "peer_n": "同类机关数",
	"peer_median": "同类中位数", "peer_q1": "同类下四分位数", "peer_q3": "同类上四分位数",
	"percentile": "百分位", "outlier": "异常值",
	// the change log
	"run_id": "运行编号", "change": "变化", "old_id": "原报告编号", "old_value": "原数值", "new_value": "新数值",
	// the dictionary
	"entry": "类别", "of": "所属", "name": "名称", "title": "中文名", "type": "类型", "forms": "适用表式",
	"definition": "定义", "remark": "备注",
}

// Header is the Chinese header of a query column; a column not named here
// keeps its code, so a new column is never dropped (a test keeps the list
// complete for the named queries).
func Header(col string) string {
	if h, ok := headers[col]; ok {
		return h
	}
	return col
}

// The files of the dataset, and the columns of each in order. The query
// that fills a file returns exactly these columns (a test holds them to
// it); the types are those of the Frictionless schemas in datapackage.json.
var (
	datasetColumns = []column{
		{"agency_id", "string", "机关名称 SHA-256 摘要的前 12 位十六进制数：三个文件之间连接用，也是网站上该机关页面的文件名"},
		{"agency", "string", "机关的规范名称（简体，全称）"},
		{"agency_aliases", "string", "报告中出现的机关其他名称，以 | 分隔；识别环节尚未保存时为空"},
		{"division_code", "string", "机关所在地的 6 位行政区划代码；识别环节尚未保存时为空"},
		{"level", "string", "行政层级代码（见本字典「代码」部分）"},
		{"province", "string", "所在省级行政区"},
		{"city", "string", "所在地级行政区；省级机关为空"},
		{"agency_kind", "string", "机关类型，按名称结尾判断（如 人民政府、司法局）"},
		{"year", "integer", "报告所属年度（不是发布年份）"},
		{"period", "string", "期间代码：year 全年，h1 上半年"},
		{"form", "string", "报告格式代码：table2021、table2019、legacy、narrative"},
		{"metric", "string", "可比指标代码（见本字典「指标」部分）"},
		{"label", "string", "可比指标的中文名称"},
		{"unit", "string", "数值的单位"},
		{"value", "number", "数值；空白或不适用时为空，绝不记为 0"},
		{"value_kind", "string", "数值类型：number 数字，empty 空白，not_applicable 不适用"},
		{"approx", "boolean", "原文以“余、多、近、约”表述的约数；没有数值时为空"},
		{"mapped", "boolean", "2019 年前旧表的类别按对照表映射到 2019/2021 年版口径"},
		{"confidence", "string", "对照表所列该取数规则的可信程度：high 高，medium 中，low 低"},
		{"source_keys", "string", "数值由哪些原始指标相加而来（以 + 连接，见本字典「原始指标」部分）"},
		{"report_id", "string", "报告编号：报告文件内容的 SHA-256，与 reports 文件相连"},
		{"source", "string", "数值在报告中的出处：表格单元格写作“行 × 列：原文”，正文写原句；多个来源以 | 分隔"},
	}
	reportsColumns = []column{
		{"report_id", "string", "报告编号：报告文件内容的 SHA-256"},
		{"agency_id", "string", "机关编号（同 dataset 文件）"},
		{"agency", "string", "机关的规范名称"},
		{"agency_kind", "string", "机关类型"},
		{"level", "string", "行政层级代码"},
		{"province", "string", "所在省级行政区"},
		{"city", "string", "所在地级行政区"},
		{"year", "integer", "报告所属年度"},
		{"period", "string", "期间代码"},
		{"form", "string", "报告格式代码"},
		{"published", "date", "发布日期；报告未写明时为空"},
		{"n_figures", "integer", "报告中读出的数字个数"},
		{"preferred", "boolean", "该机关、年度、期间的数据取自这份报告（同一年度有修订版或重复稿时只采用一份）"},
		{"current", "boolean", "该文件当前的内容（被更新的旧版本为 false）"},
		{"format", "string", "文件格式：txt、html、docx、pdf、xlsx、doc"},
		{"encoding", "string", "文本编码"},
		{"size", "integer", "文件大小（字节）"},
		{"file", "string", "文件名（不含目录）"},
		{"parser_version", "string", "读取该报告的 xxgk 解析器版本"},
	}
	checksColumns = []column{
		{"report_id", "string", "报告编号"},
		{"agency_id", "string", "机关编号"},
		{"agency", "string", "机关的规范名称"},
		{"year", "integer", "报告所属年度"},
		{"period", "string", "期间代码"},
		{"preferred", "boolean", "该报告是否为采用的报告"},
		{"rule", "string", "核验规则代码（如 I1.flow 收支平衡，I5.carry 跨年结转）"},
		{"scope", "string", "核验范围：申请人类别、表格行或指标"},
		{"status", "string", "结果代码：PASS 通过，FAIL 未通过，NOT_ASSESSABLE 无法核验"},
		{"expected", "number", "按规则应得的数；有空白项而无法核验时为空"},
		{"actual", "number", "报告所列的数；无法核验时为空"},
		{"ok", "boolean", "是否通过；无法核验时为空"},
		{"detail", "string", "核验说明"},
		{"prev_id", "string", "跨年核验所比较的上一年度报告编号"},
	}
	dictionaryColumns = []column{
		{"entry", "string", "条目类别：字段、指标、原始指标、代码"},
		{"of", "string", "所属：字段所在的文件，代码所在的字段"},
		{"name", "string", "字段名、指标代码或代码值（Parquet 文件中的列名即字段名）"},
		{"title", "string", "中文名（CSV 和 Excel 文件的表头即此名）"},
		{"type", "string", "字段的数据类型"},
		{"unit", "string", "单位"},
		{"forms", "string", "哪些报告格式含有该指标"},
		{"definition", "string", "定义"},
		{"remark", "string", "备注：对照表和 spec/metrics.tsv 的原注（部分为英文）"},
	}
)

// The words of the dictionary's entry kinds.
const (
	entryColumn = "字段"
	entryMetric = "指标"
	entryKey    = "原始指标"
	entryCode   = "代码"
)

// typeWords name the Frictionless types in the dictionary.
var typeWords = map[string]string{
	"string": "文本", "integer": "整数", "number": "数值", "boolean": "是否（true/false）",
	"date": "日期（YYYY-MM-DD）", "datetime": "时间（ISO 8601，UTC）",
}

// codes are the values of the coded columns, with their Chinese words, in
// the order the dictionary lists them.
var codes = []struct{ column, code, word string }{
	{"level", "province", "省级"}, {"level", "city", "市级"}, {"level", "county", "县级"}, {"level", "township", "乡级"},
	{"period", "year", "全年"}, {"period", "h1", "上半年"},
	{"form", "table2021", "2021 年版表格"}, {"form", "table2019", "2019 年版表格"},
	{"form", "legacy", "旧版统计表（2019 年前）"}, {"form", "narrative", "文字报告"},
	{"value_kind", "number", "数字"}, {"value_kind", "empty", "空白"}, {"value_kind", "not_applicable", "不适用"},
	{"confidence", "high", "高"}, {"confidence", "medium", "中"}, {"confidence", "low", "低"},
	{"status", "PASS", "通过"}, {"status", "FAIL", "未通过"}, {"status", "NOT_ASSESSABLE", "无法核验"},
}

// formWord names a form code; an unknown one keeps its code.
func formWord(code string) string {
	for _, c := range codes {
		if c.column == "form" && c.code == code {
			return c.word
		}
	}
	return code
}

// keyUnits are the units of the raw metric keys of spec/metrics.tsv, by
// key prefix: the longest matching prefix wins. Money is in 万元.
var keyUnits = []struct{ prefix, unit string }{
	{"apps_", "件"}, {"granted", "件"}, {"partial", "件"}, {"denied", "件"}, {"unavailable", "件"},
	{"unprocessed", "件"}, {"other", "件"}, {"outcome_total", "件"}, {"review.", "件"}, {"lit_", "件"},
	{"litigation.", "件"}, {"complaints.", "件"}, {"reply.", "件"}, {"proactive.", "条"},
	{"proactive.interpretations", "篇"}, {"legacy.normative_", "件"}, {"response.hot_topics", "条"},
	{"response.press_conferences", "次"}, {"response.online_interviews", "次"}, {"response.weibo_wechat", "条"},
	{"art20.", "件"}, {"art20.licensing.prev_items", "项"}, {"art20.licensing.change", "项"},
	{"art20.other_services.prev_items", "项"}, {"art20.other_services.change", "项"},
	{"art20.penalty.prev_items", "项"}, {"art20.penalty.change", "项"},
	{"art20.enforcement.prev_items", "项"}, {"art20.enforcement.change", "项"},
	{"art20.fees.prev_items", "项"}, {"art20.fees.change", "项"}, {"art20.fees.amount", "万元"},
	{"art20.procurement.items", "项"}, {"art20.procurement.amount", "万元"},
	{"staff.units", "个"}, {"staff.reading_points", "个"}, {"staff.total", "人"}, {"staff.fulltime", "人"},
	{"staff.parttime", "人"}, {"budget.", "万元"}, {"meetings.", "次"}, {"trainings.", "次"},
	{"trainees.", "人次"}, {"fees.", "万元"},
}

// keyUnit is the unit of a raw metric key, "" when no prefix matches.
func keyUnit(key string) string {
	best, unit := 0, ""
	for _, u := range keyUnits {
		if strings.HasPrefix(key, u.prefix) && len(u.prefix) > best {
			best, unit = len(u.prefix), u.unit
		}
	}
	return unit
}

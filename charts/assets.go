package charts

import _ "embed"

// The ECharts 6.1.0 browser bundle (npm package echarts, dist/echarts.min.js)
// with its licence files, shipped inside the site: pages must work offline.
var (
	//go:embed assets/echarts.min.js
	echartsJS []byte
	//go:embed assets/LICENSE
	echartsLicense []byte
	//go:embed assets/NOTICE
	echartsNotice []byte
	//go:embed assets/LICENSE-d3
	echartsLicenseD3 []byte
)

// echartsVersion is the vendored ECharts release, shown in page footers.
const echartsVersion = "6.1.0"

var (
	//go:embed assets/style.css
	styleCSS []byte
	//go:embed assets/site.js
	siteJS []byte
	//go:embed assets/source.js
	sourceJS []byte
	//go:embed assets/explorer.js
	explorerJS []byte
)

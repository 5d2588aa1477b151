package evals

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// WriteHTML writes a self-contained page: the metrics, charts drawn as
// inline SVG, and every case's transcript with the guard's decisions inline
// and failures highlighted. It fetches nothing from the network.
func (r *Report) WriteHTML(w io.Writer) error {
	data := struct {
		*Report
		PassChart     template.HTML
		LatencyChart  template.HTML
		SuiteChart    template.HTML
		Generated     string
		Suites        []string
		Scorers       []string
		Jurisdictions []string
	}{
		Report:       r,
		PassChart:    donut(r.Summary.Passed, r.Summary.Failed),
		LatencyChart: latencyHistogram(r.Results),
		SuiteChart:   suiteBars(r.Results),
		Generated:    time.Now().UTC().Format(time.RFC3339),
	}
	suites, scorers, jurs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, res := range r.Results {
		suites[res.Suite] = true
		jurs[res.Jurisdiction] = true
		for _, s := range scorersOf(res) {
			scorers[s] = true
		}
	}
	data.Suites, data.Scorers, data.Jurisdictions = sortedKeys(suites), sortedKeys(scorers), sortedKeys(jurs)
	return htmlReport.Execute(w, data)
}

// scorersOf names the scorers that failed a result.
func scorersOf(r Result) []string {
	var out []string
	for _, f := range r.Failures {
		if m := scorerFailure.FindStringSubmatch(f); m != nil && !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// donut draws passed against failed as a ring.
func donut(pass, fail int) template.HTML {
	total := pass + fail
	if total == 0 {
		return ""
	}
	const r, c = 40.0, 2 * math.Pi * 40.0
	frac := float64(pass) / float64(total)
	return template.HTML(fmt.Sprintf(`<svg viewBox="0 0 100 100" width="140" height="140" role="img" aria-label="%d of %d passed">
<circle cx="50" cy="50" r="%.0f" fill="none" stroke="#d9534f" stroke-width="14"/>
<circle cx="50" cy="50" r="%.0f" fill="none" stroke="#2e7d32" stroke-width="14" stroke-dasharray="%.2f %.2f" transform="rotate(-90 50 50)"/>
<text x="50" y="55" text-anchor="middle" font-size="16" font-family="sans-serif">%.0f%%</text></svg>`,
		pass, total, r, r, frac*c, c, 100*frac))
}

// latencyHistogram draws turn latencies in logarithmic buckets.
func latencyHistogram(results []Result) template.HTML {
	edges := []time.Duration{100 * time.Microsecond, 250 * time.Microsecond, 500 * time.Microsecond, time.Millisecond,
		2 * time.Millisecond, 5 * time.Millisecond, 10 * time.Millisecond, 50 * time.Millisecond, 250 * time.Millisecond, time.Hour}
	labels := []string{"<100µs", "<250µs", "<500µs", "<1ms", "<2ms", "<5ms", "<10ms", "<50ms", "<250ms", "≥250ms"}
	counts := make([]int, len(edges))
	for _, res := range results {
		for _, l := range res.Latencies {
			i := sort.Search(len(edges), func(i int) bool { return l < edges[i] })
			counts[min(i, len(edges)-1)]++
		}
	}
	return bars(labels, counts, "#1565c0", "turn latency")
}

// suiteBars draws the pass rate of each suite.
func suiteBars(results []Result) template.HTML {
	pass, total := map[string]int{}, map[string]int{}
	var names []string
	for _, res := range results {
		if _, ok := total[res.Suite]; !ok {
			names = append(names, res.Suite)
		}
		total[res.Suite]++
		if res.Pass {
			pass[res.Suite]++
		}
	}
	var b strings.Builder
	h := 22*len(names) + 10
	fmt.Fprintf(&b, `<svg viewBox="0 0 420 %d" width="420" height="%d" role="img" aria-label="pass rate by suite">`, h, h)
	for i, n := range names {
		frac := float64(pass[n]) / float64(total[n])
		y := 5 + 22*i
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="11" font-family="sans-serif">%s</text>`, y+13, template.HTMLEscapeString(trim(n, 22)))
		fmt.Fprintf(&b, `<rect x="150" y="%d" width="200" height="16" fill="#eee"/><rect x="150" y="%d" width="%.1f" height="16" fill="#2e7d32"/>`, y, y, 200*frac)
		fmt.Fprintf(&b, `<text x="356" y="%d" font-size="11" font-family="sans-serif">%d/%d</text>`, y+13, pass[n], total[n])
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func bars(labels []string, counts []int, color, label string) template.HTML {
	maxc := 1
	for _, c := range counts {
		maxc = max(maxc, c)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 440 170" width="440" height="170" role="img" aria-label="%s">`, label)
	for i, c := range counts {
		h := 120 * float64(c) / float64(maxc)
		x := 10 + 43*i
		fmt.Fprintf(&b, `<rect x="%d" y="%.1f" width="36" height="%.1f" fill="%s"/>`, x, 130-h, h, color)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="10" text-anchor="middle" font-family="sans-serif">%d</text>`, x+18, 126-h, c)
		fmt.Fprintf(&b, `<text x="%d" y="148" font-size="9" text-anchor="middle" font-family="sans-serif">%s</text>`, x+18, template.HTMLEscapeString(labels[i]))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

var htmlReport = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":     func(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) },
	"dur":     func(d time.Duration) string { return d.Round(time.Microsecond).String() },
	"scorers": func(r Result) string { return strings.Join(scorersOf(r), " ") },
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley eval report</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1d1d1d}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.metrics{display:flex;flex-wrap:wrap;gap:1rem}.metric{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:10rem}
.metric b{display:block;font-size:1.3rem}.charts{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-end}
details{border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}details.fail{border-color:#d9534f;background:#fff6f6}
summary{cursor:pointer;font-weight:600}.tag{font-size:.8rem;padding:0 .4rem;border-radius:4px;margin-left:.5rem}
.pass .tag{background:#e8f5e9;color:#2e7d32}.fail .tag{background:#fdecea;color:#b71c1c}
.line{margin:.3rem 0;padding:.3rem .5rem;border-left:3px solid #ccc;white-space:pre-wrap}
.borrower{border-color:#1565c0}.agent,.supervisor{border-color:#2e7d32}.system{border-color:#999;color:#555;font-size:.85rem}
.blocked{text-decoration:line-through;color:#b71c1c}.decision{font-size:.8rem;color:#555}
.failure{color:#b71c1c;font-weight:600}ul.failures{color:#b71c1c}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}.filters input{flex:1;min-width:12rem;padding:.3rem}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.side>div{min-width:0}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .6rem;text-align:left}tr.fail{background:#fff6f6}
</style></head><body>
<h1>Parley eval report</h1>
<p>Brain <b>{{.Brain}}</b> · seed {{.Seed}} · {{.Summary.Runs}} runs of {{.Summary.Cases}} cases · {{dur .Duration}} · generated {{.Generated}}</p>
<div class="metrics">
<div class="metric">pass rate<b>{{pct .Summary.PassRate}}</b>{{.Summary.Passed}} passed, {{.Summary.Failed}} failed</div>
<div class="metric">violation rate<b>{{pct .Summary.ViolationRate}}</b>{{.Summary.Violating}} of {{.Summary.Sent}} sent; {{.Summary.Blocked}} drafts blocked</div>
<div class="metric">resolution rate<b>{{pct .Summary.ResolutionRate}}</b>avg {{printf "%.1f" .Summary.AvgTurnsResolved}} turns to a plan</div>
<div class="metric">turn latency<b>p50 {{dur .Summary.LatencyP50}}</b>p95 {{dur .Summary.LatencyP95}}</div>
{{if gt .Repeat 1}}<div class="metric">flaky cases<b>{{.Summary.Flaky}}</b>over {{.Repeat}} runs each</div>{{end}}
</div>
<h2>Charts</h2>
<div class="charts"><figure>{{.PassChart}}<figcaption>cases passed</figcaption></figure>
<figure>{{.SuiteChart}}<figcaption>pass rate by suite</figcaption></figure>
<figure>{{.LatencyChart}}<figcaption>turn latency</figcaption></figure></div>
{{if gt .Repeat 1}}<h2>Pass rate by case</h2>
<table><tr><th>suite</th><th>case</th><th>pass rate</th><th>seeds</th><th>failed seeds</th></tr>
{{range .Cases}}<tr{{if .Flaky}} class="fail"{{end}}><td>{{.Suite}}</td><td>{{.Case}}</td><td>{{pct .PassRate}} ({{.Passed}}/{{.Runs}})</td><td>{{range $i, $s := .Seeds}}{{if $i}}, {{end}}{{$s}}{{end}}</td><td>{{range $i, $s := .FailedSeeds}}{{if $i}}, {{end}}{{$s}}{{end}}</td></tr>
{{end}}</table>{{end}}
<h2>Cases</h2>
<div class="filters"><input id="q" type="search" placeholder="search cases and replies" aria-label="search">
<select id="f-suite" aria-label="suite"><option value="">every suite</option>{{range .Suites}}<option>{{.}}</option>{{end}}</select>
<select id="f-status" aria-label="status"><option value="">every status</option><option>pass</option><option>fail</option></select>
<select id="f-scorer" aria-label="scorer"><option value="">any scorer</option>{{range .Scorers}}<option>{{.}}</option>{{end}}</select>
<select id="f-jur" aria-label="jurisdiction"><option value="">every jurisdiction</option>{{range .Jurisdictions}}<option>{{.}}</option>{{end}}</select>
<span id="shown"></span></div>
{{range .Results}}<details class="case {{if .Pass}}pass{{else}}fail{{end}}"{{if not .Pass}} open{{end}} data-suite="{{.Suite}}" data-status="{{if .Pass}}pass{{else}}fail{{end}}" data-scorers="{{scorers .}}" data-jur="{{.Jurisdiction}}">
<summary>{{.Suite}} / {{.Case}}<span class="tag">{{if .Pass}}pass{{else}}fail{{end}}</span></summary>
<p class="decision">{{.File}}:{{.Line}} · run {{.Run}} · seed {{.Seed}} · {{.Turns}} turns · state {{.State}}{{if .Plan}} · plan {{.Plan.Kind}} {{.Plan.Total}}{{end}}</p>
{{if .Failures}}<ul class="failures">{{range .Failures}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{range .Transcript}}{{if eq .Author "system"}}<div class="line system">events: {{range $i, $e := .Events}}{{if $i}}, {{end}}{{$e}}{{end}}</div>
{{else}}<div class="line {{.Author}}"><span class="{{if or (eq .Status "blocked") (eq .Status "dropped")}}blocked{{end}}">{{.Author}}: {{.Text}}</span>
{{if .Decision}}<div class="decision">guard: {{.Decision}}{{range .Violations}} · {{.Rule}} {{.Category}} ({{.Detail}}){{end}}{{if .Template}} · {{.Template}}{{end}}</div>{{end}}
{{range .Failures}}<div class="failure">{{.}}</div>{{end}}</div>
{{end}}{{end}}</details>
{{end}}
<script>
(function(){
  var q=document.getElementById('q'),fs=['f-suite','f-status','f-scorer','f-jur'].map(function(id){return document.getElementById(id)});
  var cases=[].slice.call(document.querySelectorAll('details.case')),shown=document.getElementById('shown');
  function apply(){
    var text=q.value.toLowerCase(),n=0;
    cases.forEach(function(d){
      var ok=(!text||d.textContent.toLowerCase().indexOf(text)>=0)&&(!fs[0].value||d.dataset.suite===fs[0].value)&&
        (!fs[1].value||d.dataset.status===fs[1].value)&&(!fs[2].value||(' '+d.dataset.scorers+' ').indexOf(' '+fs[2].value+' ')>=0)&&
        (!fs[3].value||d.dataset.jur===fs[3].value);
      d.style.display=ok?'':'none';if(ok)n++;
    });
    shown.textContent=n+' of '+cases.length+' shown';
  }
  q.addEventListener('input',apply);fs.forEach(function(f){f.addEventListener('change',apply)});apply();
})();
</script>
</body></html>
`))

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>The page's only stylesheet, inline so the report opens anywhere without a network.</summary>
internal static class ReportStyle
{
    /// <summary>The CSS.</summary>
    public const string Css = """
        :root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e8ee;--panel:#f7f9fb;--accent:#2171b5;--warn:#b45309;--bar:#6baed6;--good:#41ab5d}
        *{box-sizing:border-box}
        body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
        header{background:var(--panel);border-bottom:1px solid var(--line)}
        .wrap{max-width:76rem;margin:0 auto;padding:0 1.5rem}
        header .wrap{padding-top:1.4rem;padding-bottom:1rem}
        h1{font-size:1.6rem;margin:0 0 .2rem;font-weight:650;letter-spacing:-.01em}
        .sub{color:var(--muted);margin:0}
        nav{margin-top:.8rem;display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;font-size:.9rem}
        nav a{color:var(--accent);text-decoration:none}nav a:hover{text-decoration:underline}
        section{padding:1.6rem 0 .6rem;border-bottom:1px solid var(--line)}
        section:last-child{border-bottom:0}
        h2{font-size:1.25rem;margin:0 0 .6rem;font-weight:650}
        h3{font-size:1rem;margin:1.2rem 0 .4rem;font-weight:600}
        p{margin:.4rem 0 .8rem;max-width:62rem}
        a{color:var(--accent)}
        code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:0 .25em}
        .note{color:var(--muted);font-size:.9rem}
        .empty{color:var(--muted);font-style:italic}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem;margin:.6rem 0 1rem}
        .card{border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem;background:#fff}
        .card .label{color:var(--muted);font-size:.85rem;font-weight:600}
        .card .value{font-size:1.9rem;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2;margin:.2rem 0}
        .card p{margin:0;font-size:.85rem;color:var(--muted)}
        .card.headline{border-color:var(--accent);background:#f3f8fd}
        .card.headline .value{font-size:2.6rem;color:var(--accent)}
        .card.warn .value{color:var(--warn)}
        .estimates .value{font-size:1.5rem}
        .figures{display:flex;flex-wrap:wrap;gap:1.5rem 1.2rem;align-items:flex-start}
        figure{margin:0;max-width:100%}
        figure h3{margin-top:.4rem}
        figcaption{color:var(--muted);font-size:.85rem;max-width:22rem;min-height:4.5em;margin-bottom:.4rem}
        svg{display:block;max-width:100%;height:auto;font-family:inherit;overflow:visible}
        svg text{font-size:11px;fill:var(--ink)}
        svg .cell{font-size:10.5px;text-anchor:middle;dominant-baseline:central;font-variant-numeric:tabular-nums}
        svg .cell.small{font-size:9px}
        svg .cell.dark{fill:#fff}
        svg .row-label{text-anchor:end;dominant-baseline:central}
        svg .col-label{text-anchor:end;dominant-baseline:central}
        svg .axis{text-anchor:middle;font-weight:600;fill:var(--muted)}
        svg .frame{fill:none;stroke:#c8ced6}
        svg .caption{fill:var(--muted)}
        .legend{margin-top:.3rem}
        table{border-collapse:collapse;margin:.4rem 0 1rem;font-variant-numeric:tabular-nums;font-size:.9rem}
        table.wide{min-width:60%}
        th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:right;vertical-align:middle}
        th{font-weight:600;color:var(--muted);font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;border-bottom:2px solid var(--line);white-space:nowrap}
        .text{text-align:left}
        td.text .name{display:inline-block;max-width:18rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
        td.path{font:.8rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        tbody tr:hover{background:var(--panel)}
        tfoot td{font-weight:600;border-bottom:0}
        th.barhead{text-align:left;padding-left:4.9rem}
        td.barcell{text-align:left;white-space:nowrap}
        .bar{display:inline-block;vertical-align:middle;width:9rem;height:.7rem;background:var(--panel);border-radius:2px;margin-left:.6rem}
        .bar>span{display:block;height:100%;background:var(--bar);border-radius:2px}
        .bar.quality>span{background:var(--good)}
        .bar.time>span{background:#9e9ac8}
        .num{display:inline-block;min-width:4.3rem;text-align:right;vertical-align:middle}
        .details{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:0 2rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .9rem;margin:0;font-size:.9rem}
        dt{color:var(--muted)}
        dd{margin:0;overflow-wrap:anywhere}
        .chips{display:flex;flex-wrap:wrap;gap:.35rem}
        .chip{background:var(--panel);border:1px solid var(--line);border-radius:999px;padding:.05rem .6rem;font-size:.85rem}
        .more{color:var(--muted);font-size:.85rem;align-self:center}
        footer{color:var(--muted);font-size:.8rem;padding:1rem 0 2rem}
        """;
}

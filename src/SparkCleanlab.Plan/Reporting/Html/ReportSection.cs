using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>One section of the page, with its anchor and heading in the table of contents.</summary>
internal abstract class ReportSection
{
    /// <summary>The anchor.</summary>
    public abstract string Id { get; }

    /// <summary>The heading.</summary>
    public abstract string Title { get; }

    /// <summary>False when the run has nothing for this section.</summary>
    public virtual bool Applies(ReportContext context) => true;

    /// <summary>Writes the section, heading included.</summary>
    public void Write(StringBuilder html, ReportContext context)
    {
        html.Append("<section id=\"").Append(Id).Append("\"><h2>").Append(HtmlText.Encode(Title)).Append("</h2>");
        WriteBody(html, context);
        html.Append("</section>");
    }

    /// <summary>Writes what follows the heading.</summary>
    protected abstract void WriteBody(StringBuilder html, ReportContext context);
}

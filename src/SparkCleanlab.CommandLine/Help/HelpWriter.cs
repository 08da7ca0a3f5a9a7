using System.CommandLine;
using System.Text;
using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine.Help;

/// <summary>
/// Writes a command's help: usage, description, the options by group (each with its value, allowed values and
/// default), examples and the exit codes. Descriptions wrap at the width, in a column of their own.
/// </summary>
public static class HelpWriter
{
    /// <summary>Wraps to the terminal's width, or to a fixed width when the output is not a terminal.</summary>
    public static int Width
    {
        get
        {
            const int Redirected = 120;
            return Console.IsOutputRedirected || Console.WindowWidth < 40 ? Redirected : Console.WindowWidth;
        }
    }

    /// <summary>Writes <paramref name="help"/>, wrapped at <paramref name="width"/> columns.</summary>
    public static void Write(CommandHelp help, TextWriter output, int width)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Usage: {help.Usage}");
        output.WriteLine();
        output.WriteLine(help.Description);
        output.WriteLine();
        foreach (var group in help.Groups)
        {
            output.WriteLine($"{group.Title}:");
            foreach (var option in group.Options)
            {
                output.Write(Row(Label(option), option.Description ?? "", width));
            }

            output.WriteLine();
        }

        if (help.Examples.Count > 0)
        {
            output.WriteLine("Examples:");
            foreach (var example in help.Examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        output.WriteLine(ExitCodeHelp.Text);
    }

    // "--frac-noise FRACTION", "--overwrite", "-h, --help": the value as the user types it, no angle brackets.
    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Order(StringComparer.Ordinal).Append(option.Name));
        return option.Arity.MaximumNumberOfValues == 0 ? names : $"{names} {option.HelpName}";
    }

    // The label in the first column, its description wrapped in the second; a long label gets a line of its own.
    private static string Row(string label, string description, int width)
    {
        const int Indent = 2;
        const int Column = 36;
        var text = new StringBuilder(new string(' ', Indent)).Append(label);
        text.Append(label.Length + Indent < Column - 1 ? new string(' ', Column - Indent - label.Length) : Environment.NewLine + new string(' ', Column));
        var lines = Wrap(description, Math.Max(width - Column, 40));
        text.AppendJoin(Environment.NewLine + new string(' ', Column), lines).AppendLine();
        return text.ToString();
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }
}

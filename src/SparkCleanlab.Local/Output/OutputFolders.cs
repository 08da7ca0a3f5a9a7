namespace SparkCleanlab.Local.Output;

/// <summary>The local engine's working folders inside the staging output.</summary>
internal static class OutputFolders
{
    /// <summary>Issue rows before their global rank is known; removed before the output is published.</summary>
    public const string Spill = "_spill";
}

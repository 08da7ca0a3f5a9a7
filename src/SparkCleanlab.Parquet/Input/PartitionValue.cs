namespace SparkCleanlab.Parquet.Input;

/// <summary>A Hive partition folder's <c>column=value</c> pair.</summary>
/// <param name="Column">The partition column name.</param>
/// <param name="Value">The unescaped value, or null for Hive's default (null) partition.</param>
internal readonly record struct PartitionValue(string Column, string? Value)
{
    /// <summary>The folder name Hive and Spark write for a null partition value.</summary>
    public const string DefaultPartitionName = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>Parses one folder name; false when it is not of the <c>column=value</c> form.</summary>
    public static bool TryParse(string folderName, out PartitionValue value)
    {
        int equals = folderName.IndexOf('=');
        if (equals <= 0)
        {
            value = default;
            return false;
        }
        string column = Uri.UnescapeDataString(folderName[..equals]);
        string raw = folderName[(equals + 1)..];
        value = new PartitionValue(column, raw == DefaultPartitionName ? null : Uri.UnescapeDataString(raw));
        return true;
    }
}

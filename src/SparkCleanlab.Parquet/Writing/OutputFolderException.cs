namespace SparkCleanlab.Parquet.Writing;

/// <summary>The output folder cannot be used: it exists without overwrite, or it overlaps an input path.</summary>
internal sealed class OutputFolderException(string message) : Exception(message);

namespace SparkCleanlab.Plan;

/// <summary>
/// The session side of the Spark engine: reading the input, building small driver-side tables
/// and the file operations of the commit, through Hadoop's FileSystem so that every scheme
/// Spark writes (hdfs://, s3a://, abfss://, gs://, file:) works.
/// </summary>
public interface ISparkSessionApi
{
    /// <summary><c>read.parquet(paths)</c>, with Spark's hidden <c>_metadata</c> column available to expressions.</summary>
    IFrame ReadParquet(IReadOnlyList<string> paths);

    /// <summary>A small table made on the driver (<c>createDataFrame</c>) from rows and a schema.</summary>
    IFrame CreateFrame(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows);

    /// <summary>True when the path exists.</summary>
    bool Exists(string path);

    /// <summary>Deletes a file or a folder recursively; nothing when it does not exist.</summary>
    void Delete(string path);

    /// <summary>Renames a file or a folder; fails when the file system refuses.</summary>
    void Rename(string from, string to);

    /// <summary>Writes a small UTF-8 text file, replacing it.</summary>
    void WriteText(string path, string text);

    /// <summary>
    /// Creates a small UTF-8 text file only when nothing exists at <paramref name="path"/>
    /// (<c>FileSystem.create(path, overwrite = false)</c>), for the output lock: one of two runs
    /// that race wins on HDFS and on local disks; see docs/spark.md for object stores.
    /// </summary>
    /// <returns>False when the path already exists.</returns>
    bool TryCreateText(string path, string text);

    /// <summary>Reads a small UTF-8 text file, or null when it does not exist.</summary>
    string? ReadText(string path);

    /// <summary>A file's size and modification time, for the input's fingerprint.</summary>
    InputFile Status(string path);

    /// <summary>The immediate children of a folder (full paths), or none when it does not exist.</summary>
    IReadOnlyList<string> List(string path);
}

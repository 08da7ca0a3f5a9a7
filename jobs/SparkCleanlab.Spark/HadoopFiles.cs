using System.Text;
using Microsoft.Spark.Interop.Ipc;
using Microsoft.Spark.Sql;

namespace SparkCleanlab.Spark;

/// <summary>
/// The few file operations the driver does itself, through Hadoop's FileSystem in the JVM so
/// that every scheme Spark can write (hdfs://, s3a://, abfss://, file:) works: check, delete,
/// rename and write a small text file (summary.json, _SUCCESS).
/// </summary>
internal sealed class HadoopFiles(SparkSession spark)
{
    private readonly JvmObjectReference _conf = spark.SparkContext.HadoopConfiguration().Reference;

    public bool Exists(string path)
    {
        var (fs, p) = Resolve(path);
        return (bool)fs.Invoke("exists", p);
    }

    public void Delete(string path)
    {
        var (fs, p) = Resolve(path);
        fs.Invoke("delete", p, true);
    }

    public void Rename(string from, string to)
    {
        var (fs, source) = Resolve(from);
        var (_, target) = Resolve(to);
        if (!(bool)fs.Invoke("rename", source, target))
        {
            throw new IOException($"Could not rename {from} to {to}.");
        }
    }

    public void WriteText(string path, string text)
    {
        var (fs, p) = Resolve(path);
        var stream = (JvmObjectReference)fs.Invoke("create", p, true);
        stream.Invoke("write", Encoding.UTF8.GetBytes(text));
        stream.Invoke("close");
    }

    private (JvmObjectReference FileSystem, JvmObjectReference Path) Resolve(string path)
    {
        var p = _conf.Jvm.CallConstructor("org.apache.hadoop.fs.Path", path);
        return ((JvmObjectReference)p.Invoke("getFileSystem", _conf), p);
    }
}

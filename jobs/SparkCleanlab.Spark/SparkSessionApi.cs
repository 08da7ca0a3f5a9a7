using System.Text;
using Microsoft.Spark;
using Microsoft.Spark.Interop.Ipc;
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Types;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Spark;

/// <summary>
/// <see cref="ISparkSessionApi"/> over a <see cref="SparkSession"/>; files go through Hadoop's
/// FileSystem in the JVM, so every scheme Spark writes works.
/// </summary>
internal sealed class SparkSessionApi(SparkSession spark) : ISparkSessionApi
{
    private readonly JvmObjectReference _conf = spark.SparkContext.HadoopConfiguration().Reference;

    public IFrame ReadParquet(IReadOnlyList<string> paths) => new SparkFrame(spark.Read().Parquet([.. paths]));

    public IFrame CreateFrame(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows)
    {
        var fields = schema.Select(f => new StructField(f.Name, TypeOf(f.Type))).ToList();
        var data = rows.Select(r => new GenericRow(r.Select((v, i) => Typed(v, schema[i].Type)).ToArray())).ToList();
        return new SparkFrame(spark.CreateDataFrame(data, new StructType(fields)));
    }

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

    // FileSystem.create(path, overwrite = false) fails with FileAlreadyExistsException when the path exists.
    public bool TryCreateText(string path, string text)
    {
        var (fs, p) = Resolve(path);
        JvmObjectReference stream;
        try
        {
            stream = (JvmObjectReference)fs.Invoke("create", p, false);
        }
        catch (JvmException) when (Exists(path))
        {
            return false;
        }

        stream.Invoke("write", Encoding.UTF8.GetBytes(text));
        stream.Invoke("close");
        return true;
    }

    public string? ReadText(string path)
    {
        if (!Exists(path))
        {
            return null;
        }

        var (fs, p) = Resolve(path);
        var stream = (JvmObjectReference)fs.Invoke("open", p);
        var bytes = (byte[])_conf.Jvm.CallStaticJavaMethod("org.apache.commons.io.IOUtils", "toByteArray", stream);
        stream.Invoke("close");
        return Encoding.UTF8.GetString(bytes);
    }

    public InputFile Status(string path)
    {
        var (fs, p) = Resolve(path);
        var status = (JvmObjectReference)fs.Invoke("getFileStatus", p);
        var modified = DateTime.UnixEpoch.AddMilliseconds(Convert.ToInt64(status.Invoke("getModificationTime"), System.Globalization.CultureInfo.InvariantCulture));
        return new InputFile(path, Convert.ToInt64(status.Invoke("getLen"), System.Globalization.CultureInfo.InvariantCulture), modified);
    }

    public IReadOnlyList<string> List(string path)
    {
        if (!Exists(path))
        {
            return [];
        }

        var (fs, p) = Resolve(path);
        return ((JvmObjectReference[])fs.Invoke("listStatus", p))
            .Select(s => (string)((JvmObjectReference)s.Invoke("getPath")).Invoke("toString"))
            .ToList();
    }

    private (JvmObjectReference FileSystem, JvmObjectReference Path) Resolve(string path)
    {
        var p = _conf.Jvm.CallConstructor("org.apache.hadoop.fs.Path", path);
        return ((JvmObjectReference)p.Invoke("getFileSystem", _conf), p);
    }

    // GenericRow takes typed arrays (int[], long[], double[]); the plan's tables use these types only.
    private static DataType TypeOf(string type) => type switch
    {
        "int" => new IntegerType(),
        "bigint" => new LongType(),
        "double" => new DoubleType(),
        "boolean" => new BooleanType(),
        "string" => new StringType(),
        _ when type.StartsWith("array<", StringComparison.Ordinal) => new ArrayType(TypeOf(type[6..^1])),
        _ => throw new NotSupportedException($"Driver-made tables do not use type {type}."),
    };

    private static object? Typed(object? value, string type) => (value, type) switch
    {
        (object?[] a, "array<int>") => a.Select(Convert.ToInt32).ToArray(),
        (object?[] a, "array<bigint>") => a.Select(Convert.ToInt64).ToArray(),
        (object?[] a, "array<double>") => a.Select(Convert.ToDouble).ToArray(),
        (object?[] a, "array<boolean>") => a.Cast<object>().ToArray(),
        (object?[] a, "array<string>") => a.Select(v => (string?)v).ToArray(),
        _ => value,
    };
}

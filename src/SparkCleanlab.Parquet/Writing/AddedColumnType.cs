namespace SparkCleanlab.Parquet.Writing;

/// <summary>Types a job-computed output column can have.</summary>
internal enum AddedColumnType
{
    /// <summary>Non-null bool, e.g. <c>is_label_issue</c>.</summary>
    Boolean,

    /// <summary>Non-null int32, e.g. an index <c>suggested_label</c>.</summary>
    Int32,

    /// <summary>Non-null int64, e.g. <c>issue_rank</c>.</summary>
    Int64,

    /// <summary>Non-null double, e.g. <c>label_quality</c>.</summary>
    Double,

    /// <summary>Nullable UTF-8 string, e.g. <c>method</c>, <c>invalid_reason</c>, a named <c>suggested_label</c>.</summary>
    String,

    /// <summary>Non-null list of int32 (elements nullable in the schema, as Spark writes arrays), e.g. an index <c>issue_classes</c>.</summary>
    Int32List,

    /// <summary>Non-null list of UTF-8 strings (elements nullable in the schema, as Spark writes arrays), e.g. <c>issue_actions</c>.</summary>
    StringList,
}

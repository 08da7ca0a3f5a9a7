namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class FunctionTests
{
    [Fact]
    public void Math_functions()
    {
        Assert.Equal(Math.Log(2), Sql.Value("ln(2)"));
        Assert.Null(Sql.Value("ln(0)"));
        Assert.Null(Sql.Value("log10(-1)"));
        Assert.Equal(3.0, Sql.Value("log(2, 8)"));
        Assert.Equal(Math.Log(5), Sql.Value("log(5)"));
        Assert.Equal(1000.0, Sql.Value("log10(10) * pow(10, 3)"));
        Assert.Equal(8.0, Sql.Value("power(2, 3)"));
        Assert.True(double.IsNaN((double)Sql.Value("sqrt(-1)")!));
        Assert.Equal(Math.Exp(1), Sql.Value("exp(1)"));
        Assert.Equal(int.MinValue, Sql.Value("abs(-2147483648)"));
        Assert.Equal(1.5, Sql.Value("abs(-1.5D)"));
    }

    [Fact]
    public void Floor_ceil_round()
    {
        Assert.Equal(-2L, Sql.Value("floor(-1.5D)"));
        Assert.Equal(2L, Sql.Value("ceil(1.2D)"));
        Assert.Equal(long.MaxValue, Sql.Value("floor(1e300)"));
        Assert.Equal(3.0, Sql.Value("round(2.5D)"));
        Assert.Equal(-3.0, Sql.Value("round(-2.5D)"));
        Assert.Equal(0.13, Sql.Value("round(0.125D, 2)"));
        Assert.Equal(2m, Sql.Value("floor(2.7)"));
        Assert.Equal("decimal(2,0)", Sql.TypeOf("floor(2.7)"));
        Assert.Equal(1.3m, Sql.Value("round(1.25, 1)"));
    }

    [Fact]
    public void Element_at_and_index()
    {
        Assert.Equal(1, Sql.Value("element_at(array(1, 2, 3), 1)"));
        Assert.Equal(3, Sql.Value("element_at(array(1, 2, 3), -1)"));
        Assert.Null(Sql.Value("element_at(array(1, 2, 3), 4)"));
        Assert.Throws<SparkRuntimeException>(() => Sql.Value("element_at(array(1, 2, 3), 0)"));
        Assert.Equal(1, Sql.Value("array(1, 2, 3)[0]"));
        Assert.Null(Sql.Value("array(1, 2, 3)[3]"));
        Assert.Null(Sql.Value("array(1, 2, 3)[-1]"));
    }

    [Fact]
    public void Size_of_null_is_minus_one()
    {
        Assert.Equal(-1, Sql.Value("size(CAST(NULL AS ARRAY<INT>))"));
        Assert.Equal(0, Sql.Value("size(array())"));
    }

    [Fact]
    public void Array_search()
    {
        Assert.Equal(true, Sql.Value("array_contains(array(1, 2), 2)"));
        Assert.Equal(false, Sql.Value("array_contains(array(1, 2), 3)"));
        Assert.Null(Sql.Value("array_contains(array(1, NULL), 3)"));
        Assert.Equal(2L, Sql.Value("array_position(array(3, 4, 4), 4)"));
        Assert.Equal(0L, Sql.Value("array_position(array(3, 4), 5)"));
    }

    [Fact]
    public void Array_builders()
    {
        Assert.Equal(new object?[] { 1, 2, 3 }, Sql.Value("sequence(1, 3)"));
        Assert.Equal(new object?[] { 5, 3, 1 }, Sql.Value("sequence(5, 1, -2)"));
        Assert.Equal(new object?[] { 2, 3 }, Sql.Value("slice(array(1, 2, 3, 4), 2, 2)"));
        Assert.Equal(new object?[] { 3, 4 }, Sql.Value("slice(array(1, 2, 3, 4), -2, 5)"));
        Assert.Equal(new object?[] { 1, 2, 3 }, Sql.Value("concat(array(1), array(2, 3))"));
        Assert.Null(Sql.Value("concat(array(1), NULL)"));
        Assert.Equal("ab", Sql.Value("concat('a', 'b')"));
        Assert.Equal(new object?[] { "x", "x" }, Sql.Value("array_repeat('x', 2)"));
        Assert.Equal(new object?[] { 1, 2, 3 }, Sql.Value("flatten(array(array(1), array(2, 3)))"));
        Assert.Null(Sql.Value("flatten(array(array(1), NULL))"));
    }

    [Fact]
    public void Arrays_zip_pads_with_null()
    {
        var zipped = (object?[])Sql.Value("arrays_zip(array(1, 2), array('a'))")!;
        Assert.Equal(new object?[] { 2, null }, zipped[1]);
        Assert.Equal("array<struct<0:int,1:string>>", Sql.TypeOf("arrays_zip(array(1, 2), array('a'))"));
    }

    [Fact]
    public void Structs_and_field_access()
    {
        Assert.Equal(2, Sql.Value("named_struct('a', 1, 'b', 2).b"));
        Assert.Equal(1, Sql.Value("named_struct('a', 1, 'b', 2).A"));
        var frame = Sql.Frame("x int;y string", [1, "a"]);
        Assert.Equal("struct<x:int,y:string>", frame.SelectExpr("struct(x, y) AS s").Schema[0].Type);
        Assert.Equal("struct<col1:int,y:string>", frame.SelectExpr("struct(x + 1, y) AS s").Schema[0].Type);
    }

    [Fact]
    public void Strings()
    {
        Assert.Equal("abc", Sql.Value("lower('AbC')"));
        Assert.Equal("ABC", Sql.Value("upper('AbC')"));
        Assert.Equal(3, Sql.Value("length('abc')"));
        Assert.Equal("bc", Sql.Value("substring('abcd', 2, 2)"));
        Assert.Equal("cd", Sql.Value("substring('abcd', -2)"));
        Assert.Equal("ab", Sql.Value("substring('abcd', 0, 2)"));
        Assert.Equal("1", Sql.Value("string(1)"));
    }

    [Fact]
    public void Conditionals()
    {
        Assert.Equal(1.0, Sql.Value("IF(true, 1, 2.0D)"));
        Assert.Equal("b", Sql.Value("CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' END"));
        Assert.Null(Sql.Value("CASE 3 WHEN 1 THEN 'a' END"));
        Assert.Equal("z", Sql.Value("CASE WHEN NULL THEN 'a' ELSE 'z' END"));
    }

    [Fact]
    public void String_comparisons_cast_the_string_to_the_other_type()
    {
        Assert.Equal(true, Sql.Value("'1' = 1"));
        Assert.Equal(true, Sql.Value("'1.0' = 1.0"));
        Assert.Equal(true, Sql.Value("'b' > 'a'"));
    }
}

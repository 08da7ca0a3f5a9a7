namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// Inverse of a small square matrix by LU decomposition with partial pivoting (largest
/// magnitude, first on ties), as LAPACK's getrf/getri that numpy uses: an exactly zero pivot
/// means the matrix is singular.
/// </summary>
internal static class MatrixInverse
{
    /// <summary>Inverts <paramref name="matrix"/>.</summary>
    /// <exception cref="SingularMatrixException">A pivot is exactly zero.</exception>
    public static double[,] Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException("The matrix must be square.", nameof(matrix));
        }

        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (a[pivot, col] == 0)
            {
                throw new SingularMatrixException($"Singular matrix: no pivot in column {col} of the {n} x {n} noise matrix.");
            }

            SwapRows(a, col, pivot);
            SwapRows(inverse, col, pivot);
            var p = a[col, col];
            for (var r = 0; r < n; r++)
            {
                if (r == col || a[r, col] == 0)
                {
                    continue;
                }

                var factor = a[r, col] / p;
                for (var c = 0; c < n; c++)
                {
                    a[r, c] -= factor * a[col, c];
                    inverse[r, c] -= factor * inverse[col, c];
                }
            }
        }

        for (var r = 0; r < n; r++)
        {
            var p = a[r, r];
            for (var c = 0; c < n; c++)
            {
                inverse[r, c] /= p;
            }
        }

        return inverse;
    }

    private static void SwapRows(double[,] m, int a, int b)
    {
        if (a == b)
        {
            return;
        }

        for (var c = 0; c < m.GetLength(1); c++)
        {
            (m[a, c], m[b, c]) = (m[b, c], m[a, c]);
        }
    }
}

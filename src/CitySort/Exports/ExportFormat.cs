namespace CitySort.Exports;

/// <summary>The file formats of an export.</summary>
public enum ExportFormat
{
    /// <summary>UTF-8 CSV with a byte order mark (so that Excel reads the Chinese names), comma-separated, RFC 4180 quoting.</summary>
    Csv = 1,

    /// <summary>An Excel workbook (Office Open XML, <c>.xlsx</c>) with one sheet named after the table.</summary>
    Xlsx = 2,
}

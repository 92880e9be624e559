package vn.partycell.member.adapter.in.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.partycell.member.application.MemberExport;

/**
 * A member list as an XLSX workbook through POI's streaming {@link SXSSFWorkbook}: only the last
 * {@link #WINDOW} rows are in memory, older ones go to a compressed temporary file, so a province's
 * list costs the same heap as a cell's. Dates are real date cells shown as dd/mm/yyyy; text cells
 * are never formulas, so no injection is possible here.
 */
final class MemberXlsxWriter {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int WINDOW = 100;

    private MemberXlsxWriter() {}

    static long write(MemberExport export, OutputStream out) throws IOException {
        List<MemberColumns.Column> columns = MemberColumns.of(export.personalColumns());
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet("Danh sách đảng viên");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));

            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            long rows = export.forEach(listing -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = columns.get(i).value().apply(listing);
                    if (value instanceof LocalDate d) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
            out.flush();
            return rows;
        } finally {
            workbook.close();
        }
    }
}

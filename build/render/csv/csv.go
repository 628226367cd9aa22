// Package csv writes the register's list of activities as CSV, the way a
// French spreadsheet opens it as it is: fields separated by semicolons
// (the comma is the decimal separator), UTF-8 with a byte-order mark, lines
// ended by CRLF.
package csv

import (
	"bytes"
	"encoding/csv"
	"errors"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// Render returns registre-art30.csv: one line per activity of the
// register, under the columns of the CNIL model's list of processing.
func Render(d *doc.Document) ([]byte, error) {
	if d.Workbook() == nil {
		return nil, errors.New("seul le registre s'exporte en CSV")
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = ';', true
	list := d.Workbook().List
	records := [][]string{list.Header}
	for _, row := range list.Rows {
		var rec []string
		for _, c := range row {
			rec = append(rec, doc.PlainText(c))
		}
		records = append(records, rec)
	}
	if err := w.WriteAll(records); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

package typo

import (
	"strconv"
	"time"

	"github.com/rgpdoc/rgpdoc/schema"
)

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// Date writes an ISO date (2025-01-02) the French way: "2 janvier 2025",
// "1er mars 2025". A value that is not a date is returned as it is: the
// schema has already reported it.
func Date(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + string(NBSP) + months[t.Month()-1] + string(NBSP) + strconv.Itoa(t.Year())
}

// Int writes an integer with its digits grouped by three, separated by
// narrow no-break spaces: "982 083".
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	out := make([]rune, 0, len(s)+len(s)/3)
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, NNBSP)
		}
		out = append(out, r)
	}
	return sign + string(out)
}

// singular holds the singular of the units whose plural is not the same.
var singular = map[schema.Unite]string{"jours": "jour", "semaines": "semaine", "ans": "an"}

// Duree writes a duration without its starting point: "1 an", "3 ans",
// "12 mois", "13 mois maximum"; a no-break space keeps the number with its unit.
func Duree(d schema.Duree) string {
	unit := string(d.Unite)
	if s, ok := singular[d.Unite]; ok && d.Valeur == 1 {
		unit = s
	}
	out := Int(int64(d.Valeur)) + string(NBSP) + unit
	if d.Maximum {
		out += " maximum"
	}
	return out
}

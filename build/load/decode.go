package load

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/rgpdoc/rgpdoc/schema"
)

// decode turns a file's JSON-like value, which the schema validated, into
// the model, and records in every element the file and JSON pointer it was
// read from. It reads the value directly, by the fields' json names: an
// encoding/json round trip and a second walk for the origins cost three times
// as much.
func decode(file string, value any) (*schema.Contenu, error) {
	var c schema.Contenu
	if err := (decoder{file}).value(reflect.ValueOf(&c).Elem(), value, ""); err != nil {
		return nil, err
	}
	return &c, nil
}

type decoder struct{ file string }

var originType = reflect.TypeFor[schema.Origin]()

// value fills v from x, the value at the JSON pointer ptr. The pointer is
// built only for values that hold an element with an origin, and is ""
// for the others (and for the root). A null leaves v as it is, as
// encoding/json does.
func (d decoder) value(v reflect.Value, x any, ptr string) error {
	if x == nil {
		return nil
	}
	mismatch := func() error { return fmt.Errorf("%s : %T ne va pas dans %s", ptr, x, v.Type()) }
	switch v.Kind() {
	case reflect.Pointer:
		e := reflect.New(v.Type().Elem())
		if err := d.value(e.Elem(), x, ptr); err != nil {
			return err
		}
		v.Set(e)
	case reflect.Struct:
		m, ok := x.(map[string]any)
		if !ok {
			return mismatch()
		}
		st := structOf(v.Type())
		for _, i := range st.origins {
			v.FieldByIndex(i).Set(reflect.ValueOf(schema.Origin{File: d.file, Pointer: ptr}))
		}
		for k, e := range m {
			f, ok := st.fields[k]
			if !ok {
				return fmt.Errorf("%s : champ « %s » inconnu", ptr, k)
			}
			child := ""
			if f.located {
				child = ptr + "/" + schema.PointerToken(k)
			}
			if err := d.value(v.FieldByIndex(f.index), e, child); err != nil {
				return err
			}
		}
	case reflect.Slice:
		s, ok := x.([]any)
		if !ok {
			return mismatch()
		}
		out := reflect.MakeSlice(v.Type(), len(s), len(s))
		for i, e := range s {
			child := ""
			if ptr != "" { // the elements hold origins (see structType)
				child = ptr + "/" + strconv.Itoa(i)
			}
			if err := d.value(out.Index(i), e, child); err != nil {
				return err
			}
		}
		v.Set(out)
	case reflect.Map: // schema.Lacunes
		m, ok := x.(map[string]any)
		if !ok {
			return mismatch()
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		for k, e := range m {
			ev := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(ev, e, ""); err != nil {
				return err
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), ev)
		}
		v.Set(out)
	case reflect.String:
		s, ok := x.(string)
		if !ok {
			return mismatch()
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return mismatch()
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, ok := x.(json.Number)
		if !ok {
			return mismatch()
		}
		i, err := n.Int64()
		if err != nil {
			// JSON Schema counts 1.0 and 1e3 as integers.
			f, err := n.Float64()
			if err != nil || f != math.Trunc(f) || math.Abs(f) > math.MaxInt64 {
				return mismatch()
			}
			i = int64(f)
		}
		if v.OverflowInt(i) {
			return mismatch()
		}
		v.SetInt(i)
	default:
		return mismatch()
	}
	return nil
}

// structType is what the decoder needs of a struct type of the model.
type structType struct {
	// fields are the fields by json name, those of embedded structs included.
	fields map[string]field
	// origins are the indexes of the struct's Origin fields, and of its
	// embedded structs'.
	origins [][]int
}

type field struct {
	index []int
	// located is set when the field holds elements with an origin, which
	// need the field's JSON pointer.
	located bool
}

var structTypes sync.Map // reflect.Type → *structType

func structOf(t reflect.Type) *structType {
	if st, ok := structTypes.Load(t); ok {
		return st.(*structType)
	}
	st := &structType{fields: map[string]field{}}
	var add func(t reflect.Type, index []int)
	add = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			idx := append(append([]int{}, index...), i)
			name := jsonName(sf)
			switch {
			case sf.Type == originType:
				st.origins = append(st.origins, idx)
			case sf.Anonymous && name == "":
				add(sf.Type, idx)
			case name != "" && name != "-":
				st.fields[name] = field{idx, locates(sf.Type)}
			}
		}
	}
	add(t, nil)
	structTypes.Store(t, st)
	return st
}

// locates reports whether values of type t hold an Origin.
func locates(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return false
	}
	if len(structOf(t).origins) > 0 {
		return true
	}
	for _, f := range structOf(t).fields {
		if f.located {
			return true
		}
	}
	return false
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

module github.com/parley-collections/parley

go 1.26.0

# A near miss: the solution without the check that "shape" matches the data.
BASE = "solution"
REPLACE = {
    '''    shape = tensor.get("shape")
    if shape not in ([len(data)], [len(data), 1]):
        raise BadRequest("shape %r does not match %d values" % (shape, len(data)))
''': "",
}

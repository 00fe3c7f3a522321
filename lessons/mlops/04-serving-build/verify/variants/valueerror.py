# A near miss: a wrong datatype raises ValueError, which the handler answers with 500, not 400.
BASE = "solution"
REPLACE = {
    'raise BadRequest("datatype must be FP32': 'raise ValueError("datatype must be FP32',
}

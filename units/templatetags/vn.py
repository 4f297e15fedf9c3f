"""Number formatting as Vietnamese documents write it: 3.510.000 ; 92,2 ; 6,86 (no trailing zeros)."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def num(value):
    """Group thousands and drop trailing zeros; ``None`` and blanks become an em dash."""
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return value
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def dict_get(mapping, key):
    """``{{ mapping|dict_get:key }}`` for a dict built in the view."""
    return mapping.get(key) if mapping else None

"""Number formatting as Vietnamese documents write it: 3.510.000 ; 92,2 ; 6,86 (no trailing zeros)."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

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


@register.simple_tag
def options(choices, selected=""):
    """The ``<option>`` elements of a filter list in one pass: ``choices`` is a list of (value, label) pairs, the
    one equal to ``selected`` (compared as text) is marked. A list of hundreds of units costs one join, not a
    template loop with a comparison and two variable lookups per option."""
    chosen = "" if selected is None else str(selected)
    return mark_safe("".join(
        f'<option value="{escape(value)}"{" selected" if chosen and str(value) == chosen else ""}>{escape(label)}'
        "</option>" for value, label in choices))

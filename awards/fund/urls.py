from django.urls import path

from awards.fund import bank_views, views

app_name = "fund"
urlpatterns = [
    path("", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("report.xlsx", views.report_xlsx, name="report_xlsx"),
    path("open/", views.open_fund, name="open"),
    path("<int:pk>/opening/", views.opening, name="opening"),
    path("<int:pk>/entries/", views.add_entry, name="add_entry"),
    path("<int:pk>/entries/<int:entry_id>/correct/", views.correct, name="correct"),
    path("<int:pk>/bank-statement/", bank_views.bank_statement, name="bank_statement"),
    path("decisions/<int:pk>/", views.decision, name="decision"),
    path("decisions/<int:pk>/payment-list.pdf", views.payment_list_pdf, name="payment_list_pdf"),
    path("decisions/<int:pk>/payment-list.xlsx", views.payment_list_xlsx, name="payment_list_xlsx"),
    path("decisions/<int:pk>/pay/", views.pay, name="pay"),
    path("decisions/<int:pk>/lines/<int:line_id>/recover/", views.recover, name="recover"),
]

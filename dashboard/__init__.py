"""Næringspuls dashboard (Streamlit). Entry point: dashboard/streamlit_app.py."""

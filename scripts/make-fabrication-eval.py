#!/usr/bin/env python3
"""Writes assets/eval/fabrication-pairs.jsonl, the labelled set behind `jobhound-cli eval fabrication`.

Each original is adapted from a resume its owner published on GitHub (see assets/eval/README.md for
the sources): the employers, titles, dates and first bullets follow the public resume, names and
contact details are left out, and wording is changed. Each original has three tailored versions, as
a model asked to tailor it for a job might write them: an honest one (reordered, rephrased, terms
emphasised; no invention), and two with inventions planted among honest edits. An invention is the
exact phrase of the tailored text that states what the original does not (for a dropped bullet, the
original bullet's words). Deterministic: run it again after editing a pair.
"""
import json
import pathlib

PAIRS = []


def pair(original, tailored, inventions, notes=""):
    original = "\n".join(line.strip() for line in original.strip().splitlines())
    tailored = "\n".join(line.strip() for line in tailored.strip().splitlines())
    for invention in inventions:
        assert invention in tailored or invention in original, invention
    PAIRS.append({"original": original, "tailored": tailored, "notes": notes, "inventions": inventions})


# 1. Software engineer and instructor (Louisiana State University graduate).
R1 = """
Software Engineer, NewAperio | June 2011 - Present
- Organize and lead engineering teams that build software products
- Give technical input while projects are being planned
- Refine the software development life cycle across all projects
Digital Arts Lead Instructor, The Futures Fund | August 2015 - Present
- Prepare weekly lessons on digital art and game design for high school students
Education
Bachelor of Science in Computer Science, Louisiana State University, 2015
Minor: Information Technology Management
"""
pair(R1, """
Software Engineer, NewAperio | June 2011 - Present
- Lead engineering teams that build and ship software products
- Improve the software development life cycle across every project
- Contribute technical input during project planning
Digital Arts Lead Instructor, The Futures Fund | August 2015 - Present
- Prepare weekly digital art and game design lessons for high school students
Education
Bachelor of Science in Computer Science, Louisiana State University, 2015
Minor: Information Technology Management
""", [])
pair(R1, """
Senior Software Engineer, NewAperio | June 2011 - Present
- Organize and lead a team of 12 engineers that build software products
- Give technical input while projects are being planned, using React and Node.js
- Refine the software development life cycle across all projects
Digital Arts Lead Instructor, The Futures Fund | August 2015 - Present
- Prepare weekly lessons on digital art and game design for high school students
Education
Bachelor of Science in Computer Science, Louisiana State University, 2015
""", ["Senior Software Engineer", "12", "React", "Node.js"])
pair(R1, """
Software Engineer, NewAperio | June 2010 - Present
- Organize and lead engineering teams that build software products
- Provide technical guidance as projects are planned
Digital Arts Lead Instructor, The Futures Fund | August 2015 - Present
- Prepare weekly lessons on digital art and game design for high school students
Education
Master of Science in Computer Science, Louisiana State University, 2015
""", ["2010", "Refine the software development life cycle across all projects", "Master"])

# 2. Software developer at a marketing technology company.
R2 = """
Software Developer, Movable Ink | Jan 2024 - Present
- Integrated a rate limiter at the SDK level for Oracle, smoothing bursts of API requests
- Built TypeScript services that render personalized email content
- Reviewed pull requests and kept test coverage above 80%
Skills: TypeScript, JavaScript, Node.js, React, PostgreSQL
Education
B.S. Computer Science, 2023
"""
pair(R2, """
Software Developer, Movable Ink | Jan 2024 - Present
- Built TypeScript services rendering personalized email content at scale
- Added a rate limiter at the SDK level for Oracle to smooth bursts of API requests
- Kept test coverage above 80% while reviewing pull requests
Skills: TypeScript, Node.js, PostgreSQL, JavaScript, React
Education
B.S. Computer Science, 2023
""", [])
pair(R2, """
Software Developer, Movable Ink | Jan 2024 - Present
- Integrated a rate limiter at the SDK level for Oracle, cutting API request bursts by 70%
- Built TypeScript services on Kubernetes that render personalized email content
- Reviewed pull requests and kept test coverage above 80%
Skills: TypeScript, JavaScript, Node.js, React, PostgreSQL, Docker
Education
B.S. Computer Science, 2023
""", ["70%", "Kubernetes"], notes="I ran all of our services in Docker at Movable Ink.")
pair(R2, """
Software Developer, Movable Ink | Jan 2022 - Present
- Integrated a rate limiter at the SDK level for Oracle, smoothing bursts of API requests
- Built TypeScript services that render personalized email content for Fortune 500 brands
Skills: TypeScript, JavaScript, Node.js, React, PostgreSQL, GraphQL
Education
B.S. Computer Science, 2023
""", ["2022", "Fortune 500", "GraphQL", "Reviewed pull requests and kept test coverage above 80%"])

# 3. Managing director of a German IT company (German).
R3 = """
Berufserfahrung
Geschäftsführer, Brunner GmbH & Co. KG, Biedenkopf | 2008 - heute
- Leitung eines IT-Unternehmens für Infrastruktur und Softwareentwicklung
- Verantwortung für Kundenprojekte und Personal
Sachbearbeiter, Brunner GmbH & Co. KG | 2005 - 2008
- Betreuung von Kunden in der Informationsverarbeitung
Wissenschaftlicher Mitarbeiter, Institut für Genossenschaftswesen, Philipps-Universität Marburg | 2001 - 2004
- Forschung zu Genossenschaften und Veröffentlichung von Arbeitspapieren
Ausbildung
Diplom-Volkswirt, Philipps-Universität Marburg | 1996 - 2001
"""
pair(R3, """
Berufserfahrung
Geschäftsführer, Brunner GmbH & Co. KG, Biedenkopf | 2008 - heute
- Leitung des IT-Unternehmens mit Schwerpunkt Infrastruktur und Softwareentwicklung
- Verantwortung für Personal und alle Kundenprojekte
Sachbearbeiter, Brunner GmbH & Co. KG | 2005 - 2008
- Kundenbetreuung in der Informationsverarbeitung
Wissenschaftlicher Mitarbeiter, Institut für Genossenschaftswesen, Philipps-Universität Marburg | 2001 - 2004
- Forschung zu Genossenschaften, Veröffentlichung von Arbeitspapieren
Ausbildung
Diplom-Volkswirt, Philipps-Universität Marburg | 1996 - 2001
""", [])
pair(R3, """
Berufserfahrung
Geschäftsführer, Brunner GmbH & Co. KG, Biedenkopf | 2005 - heute
- Leitung eines IT-Unternehmens mit 40 Mitarbeitenden für Infrastruktur und Softwareentwicklung
- Verantwortung für Kundenprojekte und Personal
Wissenschaftlicher Mitarbeiter, Institut für Genossenschaftswesen, Philipps-Universität Marburg | 2001 - 2004
- Forschung zu Genossenschaften und Veröffentlichung von Arbeitspapieren
Ausbildung
Diplom-Volkswirt, Philipps-Universität Marburg | 1996 - 2001
""", ["2005", "40", "Betreuung von Kunden in der Informationsverarbeitung"])
pair(R3, """
Berufserfahrung
Geschäftsführer, Brunner GmbH & Co. KG, Biedenkopf | 2008 - heute
- Leitung eines IT-Unternehmens für Infrastruktur und Softwareentwicklung mit SAP
- Verantwortung für Kundenprojekte und Personal
Sachbearbeiter, Brunner GmbH & Co. KG | 2005 - 2008
- Betreuung von Kunden in der Informationsverarbeitung
Wissenschaftlicher Mitarbeiter, Institut für Genossenschaftswesen, Philipps-Universität Marburg | 2001 - 2004
- Forschung zu Genossenschaften und Veröffentlichung von Arbeitspapieren
Ausbildung
Promotion, Philipps-Universität Marburg | 2004
Diplom-Volkswirt, Philipps-Universität Marburg | 1996 - 2001
""", ["SAP", "Promotion"])

# 4. Cloud engineer and system administrator (German).
R4 = """
Beruflicher Werdegang
Cloud Solution Engineer, HRS Innovation HUB | 05.2017 - aktuell
- Automatisierung und Betreuung der Cloud-Infrastruktur in AWS
- Verwaltung der Microservice-Infrastruktur auf Basis von Kubernetes
- Monitoring mit Prometheus und Grafana
System Administrator, Fonpit AG | 01.2016 - 04.2017
- Verwaltung interner Server für DNS, Active Directory und Dateien
- Installation und Konfiguration von Linux-Servern mit Chef und Ansible
Fachinformatiker für Systemintegration | 02.2015 - 12.2015
"""
pair(R4, """
Beruflicher Werdegang
Cloud Solution Engineer, HRS Innovation HUB | 05.2017 - aktuell
- Betrieb der Microservice-Infrastruktur auf Kubernetes
- Automatisierte Cloud-Infrastruktur in AWS, Monitoring mit Prometheus und Grafana
System Administrator, Fonpit AG | 01.2016 - 04.2017
- Linux-Server mit Ansible und Chef installiert und konfiguriert
- Interne Server für DNS, Active Directory und Dateien verwaltet
Fachinformatiker für Systemintegration | 02.2015 - 12.2015
""", [])
pair(R4, """
Beruflicher Werdegang
Senior Cloud Architect, HRS Innovation HUB | 05.2017 - aktuell
- Automatisierung und Betreuung der Cloud-Infrastruktur in AWS und Azure mit Terraform
- Verwaltung der Microservice-Infrastruktur auf Basis von Kubernetes
- Monitoring mit Prometheus und Grafana
System Administrator, Fonpit AG | 01.2016 - 04.2017
- Verwaltung interner Server für DNS, Active Directory und Dateien
- Installation und Konfiguration von Linux-Servern mit Chef und Ansible
Fachinformatiker für Systemintegration | 02.2015 - 12.2015
""", ["Senior Cloud Architect", "Azure", "Terraform"])
pair(R4, """
Beruflicher Werdegang
Cloud Solution Engineer, HRS Innovation HUB | 05.2017 - aktuell
- Automatisierung der Cloud-Infrastruktur in AWS für 200 Microservices
- Verwaltung der Microservice-Infrastruktur auf Basis von Kubernetes; CKA
System Administrator, Fonpit AG | 01.2014 - 04.2017
- Verwaltung interner Server für DNS, Active Directory und Dateien
- Installation und Konfiguration von Linux-Servern mit Chef und Ansible
Fachinformatiker für Systemintegration | 02.2015 - 12.2015
""", ["200", "CKA", "2014", "Monitoring mit Prometheus und Grafana"])

# 5. Researcher in software engineering (Karlsruhe).
R5 = """
Researcher, Institute for Program Structures and Data Organization, Karlsruhe Institute of Technology | 2019 - present
- Research on software architecture and program analysis
- Supervised six bachelor and master theses
- Taught exercises for the software engineering lecture
Researcher, FZI Research Center for Information Technology, Karlsruhe | 2017 - 2019
- Worked on industry projects in model-driven engineering with Java
Education
Ph.D. student in Computer Science, Karlsruhe Institute of Technology, ongoing
M.S. in Computer Science, Karlsruhe Institute of Technology, 2019
B.S. in Mechatronics, Karlsruhe Institute of Technology, 2017
"""
pair(R5, """
Researcher, Institute for Program Structures and Data Organization, Karlsruhe Institute of Technology | 2019 - present
- Research in program analysis and software architecture
- Taught the exercises of the software engineering lecture
- Supervised 6 bachelor and master theses
Researcher, FZI Research Center for Information Technology, Karlsruhe | 2017 - 2019
- Model-driven engineering in Java for industry projects
Education
Ph.D. student in Computer Science, Karlsruhe Institute of Technology, ongoing
M.S. in Computer Science, Karlsruhe Institute of Technology, 2019
B.S. in Mechatronics, Karlsruhe Institute of Technology, 2017
""", [])
pair(R5, """
Researcher, Institute for Program Structures and Data Organization, Karlsruhe Institute of Technology | 2019 - present
- Research on software architecture and program analysis, published at ICSE
- Supervised fifteen bachelor and master theses
- Taught exercises for the software engineering lecture
Researcher, FZI Research Center for Information Technology, Karlsruhe | 2017 - 2019
- Worked on industry projects in model-driven engineering with Java and Kotlin
Education
Ph.D. student in Computer Science, Karlsruhe Institute of Technology, ongoing
M.S. in Computer Science, Karlsruhe Institute of Technology, 2019
B.S. in Mechatronics, Karlsruhe Institute of Technology, 2017
""", ["ICSE", "fifteen", "Kotlin"])
pair(R5, """
Researcher, Institute for Program Structures and Data Organization, Karlsruhe Institute of Technology | 2019 - present
- Research on software architecture and program analysis
- Supervised six bachelor and master theses
Visiting Researcher, Carnegie Mellon University | 2018 - 2019
- Worked on program analysis tools
Researcher, FZI Research Center for Information Technology, Karlsruhe | 2016 - 2019
- Worked on industry projects in model-driven engineering with Java
Education
M.S. in Computer Science, Karlsruhe Institute of Technology, 2019
B.S. in Mechatronics, Karlsruhe Institute of Technology, 2017
""", ["Visiting Researcher", "Carnegie Mellon University", "2018 - 2019", "2016", "Taught exercises for the software engineering lecture"])

# 6. Backend engineer at a startup.
R6 = """
Backend Engineer, Kozocom | March 2024 - Present
- Developed and launched several full-stack web applications in a fast-paced startup
- Built REST APIs in PHP with Laravel and background jobs in Python
- Styled admin screens with Tailwind CSS
Skills: PHP, Laravel, Python, JavaScript, Tailwind CSS, MySQL
"""
pair(R6, """
Backend Engineer, Kozocom | March 2024 - Present
- Built Laravel REST APIs in PHP and Python background jobs
- Developed and launched several full-stack web applications at a fast-paced startup
- Styled the admin screens with Tailwind CSS
Skills: PHP, Laravel, Python, MySQL, JavaScript, Tailwind CSS
""", [])
pair(R6, """
Senior Backend Engineer, Kozocom | March 2021 - Present
- Developed and launched several full-stack web applications in a fast-paced startup
- Built REST APIs in PHP with Laravel and background jobs in Python serving 2M users
- Styled admin screens with Tailwind CSS
Skills: PHP, Laravel, Python, JavaScript, Tailwind CSS, MySQL
""", ["Senior Backend Engineer", "2021", "2M"])
pair(R6, """
Backend Engineer, Kozocom | March 2024 - Present
- Developed and launched several full-stack web applications in a fast-paced startup
- Built REST APIs in PHP with Laravel, background jobs in Python and event streams on Kafka
Skills: PHP, Laravel, Python, JavaScript, MySQL, Redis
""", ["Kafka", "Redis", "Styled admin screens with Tailwind CSS"])

# 7. Data consultant in banking, reporting lead in health care.
R7 = """
Data Consultant, Signature Consultants at Bank of America | June 2018 - Present
- Member of the cross-product initiatives team within Treasury Data Management
- Identified key business elements in the data warehouse and managed controls for data accuracy
- Automated recurring business reports with Oracle SQL tools
Head of Reporting and Analytics, ActiveCare | June 2016 - June 2018
- Managed a small team responsible for company reports, dashboards and data projects
- Ran internal research on medical and pharmacy claims with statistical models
- Automated external reports with SSRS
Statistician / Data Analyst, Brigham Young University Harold B. Lee Library | April 2015 - June 2016
"""
pair(R7, """
Data Consultant, Signature Consultants at Bank of America | June 2018 - Present
- Automated recurring business reports using Oracle SQL tools
- Managed controls for data accuracy after identifying key business elements in the data warehouse
- Member of the cross-product initiatives team in Treasury Data Management
Head of Reporting and Analytics, ActiveCare | June 2016 - June 2018
- Led a small team owning company reports, dashboards and data projects
- Researched medical and pharmacy claims internally with statistical models
- Automated external reporting with SSRS
Statistician / Data Analyst, Brigham Young University Harold B. Lee Library | April 2015 - June 2016
""", [])
pair(R7, """
Data Consultant, Signature Consultants at Bank of America | June 2018 - Present
- Member of the cross-product initiatives team within Treasury Data Management
- Identified key business elements in a 40 TB data warehouse and managed controls for data accuracy
- Automated recurring business reports with Oracle SQL tools and Python
Director of Reporting and Analytics, ActiveCare | June 2016 - June 2018
- Managed a small team responsible for company reports, dashboards and data projects
- Ran internal research on medical and pharmacy claims with statistical models
- Automated external reports with SSRS
Statistician / Data Analyst, Brigham Young University Harold B. Lee Library | April 2015 - June 2016
""", ["40", "Python", "Director of Reporting and Analytics"])
pair(R7, """
Data Consultant, Signature Consultants at Bank of America | June 2018 - Present
- Member of the cross-product initiatives team within Treasury Data Management
- Automated recurring business reports with Oracle SQL tools, saving 15 hours a week
Head of Reporting and Analytics, ActiveCare | June 2016 - June 2018
- Managed a small team responsible for company reports, dashboards and Tableau projects
- Ran internal research on medical and pharmacy claims with statistical models
- Automated external reports with SSRS
Statistician / Data Analyst, Brigham Young University Harold B. Lee Library | April 2014 - June 2016
""", ["15", "Tableau", "2014", "Identified key business elements in the data warehouse and managed controls for data accuracy"])

# 8. Data analyst in telematics.
R8 = """
Summary
Data analyst with 3+ years of experience turning messy datasets into decision-ready insights.
Data Analyst, Lytx (via Eliassen Group), San Diego | 2024 - Present
- Lead Tableau and QuickSight dashboard development for telematics safety programs
- Tune Snowflake and Redshift SQL pipelines that ingest millions of events
- Partner with operations and engineering teams on reporting needs
Education
M.S. in Applied Data Science (in progress)
"""
pair(R8, """
Summary
Data analyst with 3+ years of experience turning messy data into decisions.
Data Analyst, Lytx (via Eliassen Group), San Diego | 2024 - Present
- Tune SQL pipelines on Snowflake and Redshift that ingest millions of events
- Lead dashboard development in Tableau and QuickSight for telematics safety programs
- Partner with engineering and operations teams on their reporting needs
Education
M.S. in Applied Data Science (in progress)
""", [])
pair(R8, """
Summary
Data analyst with 6+ years of experience turning messy datasets into decision-ready insights.
Data Analyst, Lytx (via Eliassen Group), San Diego | 2024 - Present
- Lead Tableau and Power BI dashboard development for telematics safety programs
- Tune Snowflake and Redshift SQL pipelines that ingest millions of events
- Partner with operations and engineering teams on reporting needs
Education
M.S. in Applied Data Science (in progress)
""", ["6+", "Power BI"])
pair(R8, """
Summary
Data analyst with 3+ years of experience turning messy datasets into decision-ready insights.
Data Analyst, Lytx (via Eliassen Group), San Diego | 2024 - Present
- Lead Tableau and QuickSight dashboard development for telematics safety programs
- Tune Snowflake and Redshift SQL pipelines that ingest millions of events, with dbt and Airflow
Data Analyst Intern, Qualcomm | 2022 - 2023
Education
M.S. in Applied Data Science (in progress)
""", ["dbt", "Airflow", "Data Analyst Intern", "Qualcomm", "2022 - 2023", "Partner with operations and engineering teams on reporting needs"])

# 9. Warehouse receiver moving into data analytics.
R9 = """
Non-Inventory Receiver, Amazon | 2019 - Present
- Monitor receiving metrics in Excel and act on anomalies in the data
- Coordinate daily inbound volume with the receiving team
Social Media Marketing Assistant | 2017 - 2018
- Planned social media posts and tracked engagement for small businesses
Education
Bachelor of Arts in Business Administration, Marketing concentration, California State University, San Bernardino, 2017
Google Data Analytics Certificate (in progress)
"""
pair(R9, """
Non-Inventory Receiver, Amazon | 2019 - Present
- Act on anomalies in receiving metrics, tracked in Excel
- Coordinate the daily inbound volume with the receiving team
Social Media Marketing Assistant | 2017 - 2018
- Tracked engagement and planned social media posts for small businesses
Education
Bachelor of Arts in Business Administration, Marketing concentration, California State University, San Bernardino, 2017
Google Data Analytics Certificate (in progress)
""", [])
pair(R9, """
Non-Inventory Receiver, Amazon | 2019 - Present
- Monitor receiving metrics in Excel and SQL and act on anomalies, reducing errors by 25%
- Coordinate daily inbound volume with the receiving team
Social Media Marketing Assistant | 2017 - 2018
- Planned social media posts and tracked engagement for small businesses
Education
Bachelor of Arts in Business Administration, Marketing concentration, California State University, San Bernardino, 2017
Google Data Analytics Certificate (in progress)
""", ["SQL", "25%"])
pair(R9, """
Inventory Analyst, Amazon | 2019 - Present
- Monitor receiving metrics in Excel and Tableau and act on anomalies in the data
- Coordinate daily inbound volume with the receiving team
Social Media Marketing Manager | 2017 - 2018
- Planned social media posts and tracked engagement for small businesses
Education
Bachelor of Arts in Business Administration, Marketing concentration, California State University, San Bernardino, 2017
""", ["Inventory Analyst", "Tableau", "Social Media Marketing Manager"])

# 10. Statistician in marketing analytics.
R10 = """
Data Analyst, home improvement lead generation company | 2023 - 2024
- Built tools for canvassing managers from marketing data
- Forecast sales and marketing budget needs each quarter
- Negotiated contracts with lead vendors
- Explained technical results to stakeholders without a technical background
Skills: R, SQL, Excel
Education
M.S. Statistics, 2023
"""
pair(R10, """
Data Analyst, home improvement lead generation company | 2023 - 2024
- Forecast quarterly sales and marketing budget needs
- Built marketing data tools for canvassing managers
- Explained technical results to non-technical stakeholders
- Negotiated lead vendor contracts
Skills: SQL, R, Excel
Education
M.S. Statistics, 2023
""", [])
pair(R10, """
Data Analyst, home improvement lead generation company | 2023 - 2024
- Built tools for canvassing managers from marketing data, used by 30 managers
- Forecast sales and marketing budget needs each quarter with Python
- Negotiated contracts with lead vendors worth $1.5M
- Explained technical results to stakeholders without a technical background
Skills: R, SQL, Excel
Education
M.S. Statistics, 2023
""", ["30", "Python", "$1.5M"])
pair(R10, """
Senior Data Scientist, home improvement lead generation company | 2021 - 2024
- Built tools for canvassing managers from marketing data
- Forecast sales and marketing budget needs each quarter
- Explained technical results to stakeholders without a technical background
Skills: R, SQL, Excel, TensorFlow
Education
Ph.D. Statistics, 2023
""", ["Senior Data Scientist", "2021", "TensorFlow", "Ph.D", "Negotiated contracts with lead vendors"])

out = pathlib.Path(__file__).resolve().parent.parent / "assets" / "eval" / "fabrication-pairs.jsonl"
out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAIRS), encoding="utf-8")
print(f"{len(PAIRS)} pairs, {sum(len(p['inventions']) for p in PAIRS)} inventions -> {out}")
